/**
 * The committed scripts, loaded in the real shells, against the real command tree. Profiles come
 * from a config.json that real `tango config set` runs wrote; customer identifiers from the cache
 * that a real `tango customers list` against the embedded emulator (--env local) wrote.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionCacheFile } from '../../src/completion/cache.js';
import { ENV_NAMES } from '../../src/config/environments.js';
import { CONFIG_KEYS } from '../../src/config/keys.js';
import { OUTPUT_FORMATS } from '../../src/config/settings.js';
import { ACCOUNT_STATUSES, CURRENCIES, FILTER_CURRENCIES } from '../../src/domain/rules.js';
import { DROP_MODES } from '../../src/emulator/option-rules.js';
import { buildProgram } from '../../src/program.js';
import { completeLines, type ShellName } from '../support/shells.js';
import { REPO_ROOT, runTango, tempConfigDir } from '../support/tango.js';
import { shouldRun } from '../support/tools.js';

/** Each way the README installs a script: a shell, and what it loads. */
const INSTALLS = {
  bash: { shell: 'bash', script: join(REPO_ROOT, 'completions/tango.bash') },
  // zsh finds _tango on $fpath, or the script is sourced after compinit.
  zsh: { shell: 'zsh', script: join(REPO_ROOT, 'completions') },
  'zsh (sourced)': { shell: 'zsh', script: join(REPO_ROOT, 'completions/_tango') },
  fish: { shell: 'fish', script: join(REPO_ROOT, 'completions/tango.fish') },
} as const satisfies Record<string, { shell: ShellName; script: string }>;
type Install = keyof typeof INSTALLS;
const INSTALL_NAMES = Object.keys(INSTALLS) as Install[];
/** Where a shell is missing, its installs are not run (CI requires them: test/support/tools.ts). */
const RUNS = new Set(
  (['bash', 'zsh', 'fish'] as const).filter((shell) => shouldRun(shell, `The ${shell} completion tests`)),
);
const runs = (install: Install) => RUNS.has(INSTALLS[install].shell);

const TOP_LEVEL = buildProgram().commands.map((command) => command.name());
const CUSTOMERS = ['acme-corp', 'beta-co'];

/** Line typed before TAB -> the candidates every shell must offer (order aside). */
const CASES: Array<[line: string, expected: readonly string[]]> = [
  ['tango ', TOP_LEVEL],
  ['tango a', TOP_LEVEL.filter((name) => name.startsWith('a'))],
  ['tango accounts ', ['list', 'get', 'create', 'update', 'import', 'help']],
  ['tango accounts list --st', ['--status']],
  ['tango accounts list x --status ', ACCOUNT_STATUSES],
  ['tango accounts list acme-corp --currency USD --currency ', FILTER_CURRENCIES],
  ['tango accounts create acme-corp --currency ', CURRENCIES],
  ['tango customers get ', CUSTOMERS],
  ['tango groups get b', ['beta-co']],
  ['tango accounts list ', CUSTOMERS],
  ['tango accounts update ', CUSTOMERS],
  ['tango accounts update acme-corp ', []],
  ['tango --profile staging customers get ', []],
  ['tango emulator start --drop-mode ', DROP_MODES],
  ['tango onboard --plan ', ['plan.json']],
  ['tango auth ', ['login', 'status', 'logout', 'help']],
  ['tango config ', ['list', 'get', 'set', 'unset', 'path', 'help']],
  ['tango -o ', OUTPUT_FORMATS],
  ['tango --json config list --output ', OUTPUT_FORMATS],
  ['tango --env ', ENV_NAMES],
  ['tango config get --pro', ['--profile']],
  ['tango auth status --no-', ['--no-verify', '--no-color', '--no-input']],
  ['tango config get --profile ', ['default', 'staging']],
  ['tango -p staging config get ', Object.keys(CONFIG_KEYS)],
  ['tango config set o', ['output']],
  ['tango completion ', ['bash', 'zsh', 'fish']],
  ['tango api P', ['POST', 'PUT', 'PATCH']],
  ['tango api /cu', ['/customers', '/customers/']],
  ['tango api PATCH /cu', ['/customers', '/customers/']],
  ['tango api GET /or', ['/orders', '/orders/']],
  ['tango api /catalogs -o t', ['table', 'text']],
  ['tango nonsense ', []],
];

/** `--flag=` values: bash and zsh complete the part after '=', fish whole tokens. */
const JOINED: Array<[line: string, bashAndZsh: string[], fish: string[]]> = [
  ['tango --output=n', ['ndjson'], ['--output=ndjson']],
  ['tango accounts list --status=', [...ACCOUNT_STATUSES], ACCOUNT_STATUSES.map((s) => `--status=${s}`)],
  ['tango auth --profile=st', ['staging'], ['--profile=staging']],
];

let config: { dir: string; cleanup: () => void };
const results = new Map<Install, Map<string, string[]>>();

beforeAll(async () => {
  config = tempConfigDir();
  // Two profiles in a config.json written by the real program, not by the test.
  await tango(['config', 'set', 'env', 'local']);
  await tango(['config', 'set', 'output', 'json', '--profile', 'staging']);
  // Customers in the embedded emulator; then only `customers list` fills the cache.
  for (const id of CUSTOMERS) {
    await tango(['customers', 'create', '--identifier', id, '--display-name', `Customer ${id}`]);
  }
  rmSync(completionCacheFile({ TANGO_CONFIG_DIR: config.dir }));
  await tango(['customers', 'list']);
  // File names complete from the shell's working folder: one holding only plan.json.
  const work = join(config.dir, 'work');
  mkdirSync(work);
  writeFileSync(join(work, 'plan.json'), '{}');
  const lines = [...CASES.map(([line]) => line), ...JOINED.map(([line]) => line)];
  await Promise.all(
    INSTALL_NAMES.filter(runs).map(async (install) => {
      const { shell, script } = INSTALLS[install];
      results.set(install, await completeLines(shell, lines, { script, configDir: config.dir, cwd: work }));
    }),
  );
});
afterAll(() => config?.cleanup());

async function tango(args: string[]): Promise<void> {
  const result = await runTango(args, { configDir: config.dir });
  expect(result.code, `tango ${args.join(' ')}: ${result.stderr}`).toBe(0);
}

const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();

describe.each(INSTALL_NAMES)('%s completes the real tree', (install) => {
  it.skipIf(!runs(install)).each(CASES)('%j', (line, expected) => {
    expect(sorted(results.get(install)?.get(line))).toEqual(sorted(expected));
  });

  it.skipIf(!runs(install)).each(JOINED)('%j', (line, bashAndZsh, fish) => {
    expect(sorted(results.get(install)?.get(line))).toEqual(sorted(install === 'fish' ? fish : bashAndZsh));
  });
});
