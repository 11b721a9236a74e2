/**
 * `npm run build:binary`: one file that runs without a Node installation, the emulator included.
 * Built here with this suite's Node (each CI line builds its own), then run with no Node on PATH.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { REPO_ROOT, runTango, tempConfigDir } from '../support/tango.js';

const VERSION: string = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
let work: { dir: string; cleanup: () => void };
let binary: string;
let emulator: RunningEmulator;

beforeAll(async () => {
  work = tempConfigDir();
  const out = join(work.dir, 'binary');
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build-binary.mjs'), '--out', out], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build:binary exited ${built.status}:\n${built.stderr}`);
  binary = join(out, 'tango');
  emulator = await startEmulator({ random: 1 });
}, 300_000);

afterAll(async () => {
  await emulator?.close();
  work?.cleanup();
});

/** The executable, with no Node on PATH (and, as for every run, nothing else from this shell). */
async function tango(args: string[], env: Record<string, string> = {}) {
  const result = await runTango(args, {
    configDir: join(work.dir, 'home'),
    executable: binary,
    env: { PATH: '/nonexistent', ...env },
  });
  return { ...result, status: result.code };
}

describe('the single executable', () => {
  it('prints its version with no Node on PATH', async () => {
    const result = await tango(['--version']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${VERSION}\n`);
    expect(result.status).toBe(0);
  });

  it('carries the emulator: creates a customer on --env local and lists it', async () => {
    const created = await tango([
      '--env',
      'local',
      'customers',
      'create',
      '--identifier',
      'acme-corp',
      '--display-name',
      'Acme Corporation',
      '-o',
      'json',
    ]);
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ customerIdentifier: 'acme-corp' });

    const listed = await tango(['--env', 'local', 'customers', 'list', '-o', 'json']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((c: { customerIdentifier: string }) => c.customerIdentifier)).toContain(
      'acme-corp',
    );
  });

  it('talks to a server over HTTP, every page of a list', async () => {
    const env = {
      TANGO_BASE_URL: emulator.baseUrl,
      TANGO_PLATFORM_NAME: emulator.credentials.platformName,
      TANGO_PLATFORM_KEY: emulator.credentials.platformKey,
    };
    for (const n of [1, 2, 3]) {
      const made = await tango(
        ['customers', 'create', '--identifier', `paged-${n}-co`, '--display-name', `Paged ${n} Co`],
        env,
      );
      expect(made.status, made.stderr).toBe(0);
    }
    const listed = await tango(['customers', 'list', '--all', '--max-results', '1', '-o', 'ndjson'], env);
    expect(listed.status, listed.stderr).toBe(0);
    const ids = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).customerIdentifier);
    expect(ids).toEqual(expect.arrayContaining(['paged-1-co', 'paged-2-co', 'paged-3-co']));
  });

  it('refuses bad input as the installed tool does: exit 2, the rule named, no stack trace', async () => {
    const bad = await tango(['--env', 'local', 'customers', 'get', 'no spaces!']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('customer');
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const unknown = await tango(['custmers', 'list']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'custmers'");
  });

  it('a server that is not there is a network error (exit 7), not a crash', async () => {
    const result = await tango(['customers', 'list', '--max-retries', '0'], {
      TANGO_BASE_URL: 'http://127.0.0.1:9/raas/v2',
      TANGO_PLATFORM_NAME: 'a',
      TANGO_PLATFORM_KEY: 'b',
    });
    expect(result.status).toBe(7);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
