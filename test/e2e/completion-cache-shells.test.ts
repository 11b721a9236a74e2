/**
 * The generator on a tree shaped like customers/accounts (test/support/completion-fixture.ts):
 * customer identifiers come from the cache that cache.ts writes, for the profile the line uses;
 * closed lists come from the shared rules; a subcommand's own -o shadows the global one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberCustomers } from '../../src/completion/cache.js';
import { completionScript } from '../../src/completion/generate.js';
import { ACCOUNT_STATUSES, CURRENCIES } from '../../src/domain/rules.js';
import { fixtureProgram } from '../support/completion-fixture.js';
import { completeLines, type ShellName } from '../support/shells.js';
import { tempConfigDir } from '../support/tango.js';
import { shouldRun } from '../support/tools.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** Where a shell is missing, its tests are not run (CI requires them: test/support/tools.ts). */
const RUNS = new Set(SHELLS.filter((shell) => shouldRun(shell, `The ${shell} completion-cache tests`)));

const CASES: Array<[line: string, expected: readonly string[]]> = [
  ['tango customers get ', ['acme-corp', 'beta-co']],
  ['tango customers get b', ['beta-co']],
  ['tango -p prod customers get ', ['prod-one']],
  ['tango customers get --profile prod ', ['prod-one']],
  ['tango acc list ', ['acme-corp', 'beta-co']],
  ['tango accounts list acme-corp --st', ['--status', '--start-after']],
  ['tango accounts list acme-corp --status ', ACCOUNT_STATUSES],
  ['tango accounts list acme-corp --currency USD --currency ', CURRENCIES],
  ['tango accounts list acme-corp -o ', []],
  ['tango -o ', ['table', 'json']],
  ['tango accounts import acme-corp --mode ', ['create', 'upsert']],
  ['tango accounts import acme-corp --file ', ['plan.csv']],
];

let config: { dir: string; cleanup: () => void };
const results = new Map<string, Map<string, string[]>>();

/** The fixture's scripts in a folder of their own; zsh gets the folder, to find _tango on $fpath. */
function writeScripts(dir: string): Record<ShellName, string> {
  const program = fixtureProgram();
  writeFileSync(join(dir, 'tango.bash'), completionScript('bash', program));
  writeFileSync(join(dir, '_tango'), completionScript('zsh', program));
  writeFileSync(join(dir, 'tango.fish'), completionScript('fish', program));
  return { bash: join(dir, 'tango.bash'), zsh: dir, fish: join(dir, 'tango.fish') };
}

beforeAll(async () => {
  config = tempConfigDir();
  const scriptDir = join(config.dir, 'scripts');
  mkdirSync(scriptDir);
  const scripts = writeScripts(scriptDir);
  const env = { TANGO_CONFIG_DIR: config.dir };
  rememberCustomers({ env, profile: 'default' }, ['acme-corp', 'beta-co']);
  rememberCustomers({ env, profile: 'prod' }, ['prod-one']);
  // File completion looks in the shell's working directory: the config folder holds plan.csv.
  const work = join(config.dir, 'work');
  mkdirSync(work);
  writeFileSync(join(work, 'plan.csv'), '');
  await Promise.all(
    [...RUNS].flatMap((shell) => [
      completeLines(
        shell,
        CASES.map(([line]) => line),
        { script: scripts[shell], configDir: config.dir, cwd: work },
      ).then((found) => results.set(shell, found)),
      completeLines(shell, ['tango customers get '], {
        script: scripts[shell],
        configDir: config.dir,
        env: { TANGO_PROFILE: 'prod' },
      }).then((found) => results.set(`${shell} with TANGO_PROFILE`, found)),
    ]),
  );
});
afterAll(() => config?.cleanup());

const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();

describe.each(SHELLS)('%s, on a customers/accounts-shaped tree', (shell) => {
  it.skipIf(!RUNS.has(shell)).each(CASES)('%j', (line, expected) => {
    expect(sorted(results.get(shell)?.get(line))).toEqual(sorted(expected));
  });

  it.skipIf(!RUNS.has(shell))('takes the profile from TANGO_PROFILE when the line names none', () => {
    expect(results.get(`${shell} with TANGO_PROFILE`)?.get('tango customers get ')).toEqual(['prod-one']);
  });
});
