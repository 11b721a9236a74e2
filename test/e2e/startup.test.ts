import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, baseEnv, REPO_ROOT, tempConfigDir } from '../support/tango.js';

const HEAVY = ['undici', '@inquirer', 'cli-table3', 'conf', 'csv-stringify', 'csv-parse'];
let config: { dir: string; cleanup: () => void };

beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

function importsOf(args: string[]): { urls: string[]; status: number | null; stdout: string } {
  const log = join(config.dir, 'imports.log');
  const hook = join(REPO_ROOT, 'test/support/record-imports.mjs');
  const result = spawnSync(process.execPath, ['--import', hook, BIN, ...args], {
    env: { ...baseEnv(config.dir), TANGO_IMPORT_LOG: log },
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
  it.each([[['--version']], [['--help']], [['accounts', '--help']], [['onboard', '--help']], [['help', 'exit-codes']]])(
    'tango %s loads no HTTP, prompt, table or config module',
    (args) => {
      const { urls, status, stdout } = importsOf(args);

      expect(status).toBe(0);
      expect(stdout.length).toBeGreaterThan(0);
      const heavy = urls.filter((url) => HEAVY.some((name) => url.includes(`/node_modules/${name}`)));
      expect(heavy).toEqual([]);
    },
  );

  it('the recorder does see heavy modules when a command needs them', () => {
    const { urls } = importsOf(['config', 'list']);

    expect(urls.some((url) => url.includes('/node_modules/conf/'))).toBe(true);
  });
});
