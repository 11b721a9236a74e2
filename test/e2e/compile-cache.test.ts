/**
 * Where Node offers module.enableCompileCache (22.1 and later), tango keeps its compiled code in
 * the OS temp folder between runs; where it does not (Node 20), it runs as before. The child runs
 * on this suite's own Node (process.execPath), so each CI line checks its own side of the check.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTango, tempConfigDir } from '../support/tango.js';

const NODE_HAS_COMPILE_CACHE = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let config: { dir: string; cleanup: () => void };
let tmp: string;

beforeEach(() => {
  config = tempConfigDir();
  tmp = join(config.dir, 'tmp');
  mkdirSync(tmp);
});
afterEach(() => config.cleanup());

/** The files Node's compile cache wrote under `tmp`, whatever its per-version folder is called. */
function cachedFiles(): string[] {
  const root = join(tmp, 'node-compile-cache');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe(`compile cache on Node ${process.version}`, () => {
  it(
    NODE_HAS_COMPILE_CACHE
      ? 'the first run fills the cache and the second, reading it, prints the same'
      : 'Node has no compile cache: nothing is written and tango runs as before',
    async () => {
      const env = { TMPDIR: tmp };
      const first = await runTango(['--help'], { configDir: config.dir, env });
      expect(first.code).toBe(0);
      expect(cachedFiles().length > 0).toBe(NODE_HAS_COMPILE_CACHE);

      const second = await runTango(['--help'], { configDir: config.dir, env });
      expect(second.code).toBe(0);
      expect(second.stderr).toBe('');
      expect(second.stdout).toBe(first.stdout);
    },
  );

  it('NODE_DISABLE_COMPILE_CACHE=1 keeps it off', async () => {
    const result = await runTango(['--help'], {
      configDir: config.dir,
      env: { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expect(result.code).toBe(0);
    expect(cachedFiles()).toEqual([]);
  });
});
