import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, baseEnv, REPO_ROOT, tempConfigDir } from '../support/tango.js';

const HEAVY = ['undici', '@inquirer', 'cli-table3', 'proper-lockfile', 'csv-stringify', 'csv-parse'];
let config: { dir: string; cleanup: () => void };

beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

/**
 * The source files bundled into the loaded files of dist/, from each file's source map (the build
 * chains rollup's maps back through esbuild's, so they name src/ and node_modules/ paths). A source
 * that tree-shaking left out of a chunk is not in its map: a map lists only what the file runs.
 */
function bundledSourcesIn(urls: string[]): string[] {
  const sources: string[] = [];
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const path = fileURLToPath(url);
    // bin/tango.js and a test's own hooks are not bundles; every file in dist/ must have its map.
    if (!path.startsWith(join(REPO_ROOT, 'dist'))) continue;
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[] };
    for (const source of map.sources) sources.push(relative(REPO_ROOT, resolve(dirname(path), source)));
  }
  return sources;
}

/** Which packages a run loaded: bundled into dist/chunks, or (in a test's own hook) from node_modules. */
function packagesIn(urls: string[]): Set<string> {
  const paths = [
    ...bundledSourcesIn(urls),
    ...urls.filter((url) => url.includes('/node_modules/')).map((url) => fileURLToPath(url)),
  ];
  const packages = new Set<string>();
  for (const path of paths) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (match) packages.add(match[1]!);
  }
  return packages;
}

/** Which of our own source files a run loaded. */
function sourcesIn(urls: string[]): string[] {
  return bundledSourcesIn(urls).filter((source) => source.startsWith('src/'));
}

/** The built-in modules a run loaded, as the recorder lists them at exit (`node:http2`, `node:internal/...`). */
function builtinsIn(urls: string[]): string[] {
  return urls.filter((url) => url.startsWith('node:'));
}

function importsOf(
  args: string[],
  env: Record<string, string> = {},
): { urls: string[]; status: number | null; stdout: string } {
  const log = join(config.dir, 'imports.log');
  const hook = join(REPO_ROOT, 'test/support/record-imports.mjs');
  const result = spawnSync(process.execPath, ['--import', hook, BIN, ...args], {
    env: { ...baseEnv(config.dir), ...env, TANGO_IMPORT_LOG: log },
    encoding: 'utf8',
  });
  let urls: string[] = [];
  try {
    urls = readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    // nothing was resolved through the ESM loader
  }
  return { urls, status: result.status, stdout: result.stdout };
}

describe('startup stays light', () => {
  it.each([
    [['--version']],
    [['--help']],
    [['accounts', '--help']],
    [['accounts', 'import', '--help']],
    [['onboard', '--help']],
    [['help', 'exit-codes']],
  ])('tango %s loads no HTTP, prompt, table or config module', (args) => {
    const { urls, status, stdout } = importsOf(args);

    expect(status).toBe(0);
    expect(stdout.length).toBeGreaterThan(0);
    const loaded = [...packagesIn(urls)];
    expect(loaded.filter((name) => HEAVY.some((heavy) => name.startsWith(heavy)))).toEqual([]);
  });

  // Per command group: what a command that sends no request must not load (the HTTP client above all).
  const NO_HTTP = ['undici', '@inquirer', 'cli-table3', 'csv-stringify', 'csv-parse'];
  it.each([
    [['-V']],
    [['help', 'exit-codes']],
    [['config', 'path']],
    [['config', 'list']],
    [['config', 'set', 'output', 'json']],
    [['config', 'unset', 'output']],
    [['completion', 'bash']],
    [['completion', 'zsh']],
    [['completion', 'fish']],
    [['auth', 'logout']],
    [['customers', 'list', '--help']],
    [['emulator', '--help']],
  ])('tango %s sends nothing and loads no HTTP client, prompt, table or CSV module', (args) => {
    const { urls, status } = importsOf(args);

    expect(status).toBe(0);
    const loaded = [...packagesIn(urls)];
    expect(loaded.filter((name) => NO_HTTP.some((heavy) => name.startsWith(heavy)))).toEqual([]);
    expect(builtinsIn(urls)).not.toContain('node:http');
    // What dependencies loaded at every start before scripts/start-up/plugins.mjs (commander's
    // child_process, chalk's tty), and V8's flags module, which only an API client needs.
    expect(builtinsIn(urls).filter((name) => ['node:child_process', 'node:tty', 'node:v8'].includes(name))).toEqual([]);
  });

  // A list for a script reads JSON and prints JSON: no prompt, table or CSV code on the way.
  it.each([
    [['--env', 'local', 'customers', 'list', '-o', 'json']],
    [['--env', 'local', 'customers', 'list', '--json']],
    [['--env', 'local', 'accounts', 'list', '-o', 'json']],
    [['--env', 'local', 'accounts', 'list', '--all', '-o', 'ndjson']],
    [['--env', 'local', 'alerts', 'list', 'nobody', 'nothing', '-o', 'json']],
  ])('tango %s loads the HTTP client but no prompt, table or CSV module', (args) => {
    const { urls } = importsOf(args);

    const loaded = [...packagesIn(urls)];
    expect(loaded).toContain('undici');
    expect(loaded.filter((name) => ['@inquirer', 'cli-table3', 'csv-stringify', 'csv-parse'].includes(name))).toEqual(
      [],
    );
  });

  // undici's index.js would load fetch and its cookies, which reach globalThis.Headers and so make
  // Node load its own internal copy of undici, and its HTTP/2 client, which loads node:http2 and tls:
  // the bundle takes only Agent and request (scripts/undici/), and HTTP/2 only if negotiated.
  it("a request over HTTP/1.1 loads neither Node's internal undici nor node:http2 nor tls", async () => {
    // A server in its own process: the embedded one (--env local) is server code, which on Node 24
    // loads Node's internal undici itself; what is checked here is the client's request.
    const server = spawn(process.execPath, [BIN, 'emulator', 'start', '--port', '0'], {
      env: baseEnv(config.dir),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const [chunk] = await once(server.stdout, 'data');
      const { urls, status } = importsOf(['customers', 'list', '--json'], {
        TANGO_BASE_URL: String(chunk).trim(),
        TANGO_PLATFORM_NAME: 'tango-local',
        TANGO_PLATFORM_KEY: 'local-key',
      });

      expect(status).toBe(0);
      const builtins = builtinsIn(urls);
      expect(builtins).toContain('node:http');
      expect(builtins.filter((name) => /undici|http2|tls/.test(name))).toEqual([]);
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('the recorder does see heavy modules when a command needs them', () => {
    const { urls, status } = importsOf(['config', 'set', 'output', 'json']);

    expect(status).toBe(0);
    expect(packagesIn(urls)).toContain('proper-lockfile');
  });

  // --query's parser and `tango api`'s code are for the runs that ask for them.
  const JMESPATH = '@jmespath-community/jmespath';
  // The command's declaration (flags, help, completions) is part of the tree; its work is not.
  const API_WORK = ['src/commands/api/request.ts', 'src/commands/api/fields.ts'];

  it.each([[['--version']], [['--env', 'local', 'customers', 'list']]])(
    'tango %s loads neither the JMESPath module nor the api command',
    (args) => {
      const { urls, status } = importsOf(args);

      expect(status).toBe(0);
      expect(packagesIn(urls)).not.toContain(JMESPATH);
      expect(sourcesIn(urls).filter((source) => API_WORK.includes(source))).toEqual([]);
    },
  );

  it('the recorder does see both when a run asks for them', () => {
    const { urls, status } = importsOf(['--env', 'local', 'api', '/customers', '--query', 'length(@)']);

    expect(status).toBe(0);
    expect(packagesIn(urls)).toContain(JMESPATH);
    expect(sourcesIn(urls)).toEqual(expect.arrayContaining(API_WORK));
  });

  it('reading a profile does not load the file lock; only writing does', () => {
    const { urls, status } = importsOf(['config', 'list']);

    expect(status).toBe(0);
    expect(packagesIn(urls)).not.toContain('proper-lockfile');
  });
});

describe('the yaml parser loads only for YAML state files', () => {
  const STATE = { version: 2, customers: [{ customerIdentifier: 'startup-co', displayName: 'Startup Co' }] };

  it('tango diff of a .json file never loads it; of a .yaml file it does', async () => {
    const { stringify } = await import('yaml');
    writeFileSync(join(config.dir, 'state.json'), JSON.stringify(STATE));
    writeFileSync(join(config.dir, 'state.yaml'), stringify(STATE));

    const json = importsOf(['--env', 'local', 'diff', '-f', join(config.dir, 'state.json')]);
    expect(json.status).toBe(8);
    expect(packagesIn(json.urls)).not.toContain('yaml');

    const yaml = importsOf(['--env', 'local', 'diff', '-f', join(config.dir, 'state.yaml')]);
    expect(yaml.status).toBe(8);
    expect(packagesIn(yaml.urls)).toContain('yaml');
  });
});
