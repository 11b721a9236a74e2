import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETION_FILES } from '../../src/completion/generate.js';
import { BIN, baseEnv, REPO_ROOT, runTango, tempConfigDir } from '../support/tango.js';

let config: { dir: string; cleanup: () => void };
beforeAll(() => {
  config = tempConfigDir();
});
afterAll(() => config.cleanup());

describe('tango completion <shell>', () => {
  it.each(['bash', 'zsh', 'fish'] as const)('prints exactly the committed %s script', async (shell) => {
    const result = await runTango(['completion', shell], { configDir: config.dir });

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(readFileSync(join(REPO_ROOT, COMPLETION_FILES[shell]), 'utf8'));
  });

  it('names the shells it knows when given another', async () => {
    const result = await runTango(['completion', 'powershell'], { configDir: config.dir });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bash, zsh, fish');
  });

  it('the generator loads only for this command: never for --help', () => {
    const log = join(config.dir, 'imports.log');
    const hook = join(REPO_ROOT, 'test/support/record-imports.mjs');
    const imported = (args: string[]) => {
      spawnSync(process.execPath, ['--import', hook, BIN, ...args], {
        env: { ...baseEnv(config.dir), TANGO_IMPORT_LOG: log },
      });
      const urls = readFileSync(log, 'utf8');
      rmSync(log, { force: true });
      return urls;
    };

    expect(imported(['--help'])).not.toMatch(/chunks\/generate-/);
    expect(imported(['completion', 'fish'])).toMatch(/chunks\/generate-/);
  });
});
