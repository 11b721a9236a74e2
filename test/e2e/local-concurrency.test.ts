import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runTango, tempConfigDir } from '../support/tango.js';

let config: { dir: string; cleanup: () => void };
beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

const local = (args: string[]) => runTango(['--env', 'local', ...args], { configDir: config.dir, timeoutMs: 60_000 });

it('10 concurrent `tango --env local` processes creating accounts under one customer lose nothing', async () => {
  expect(
    (await local(['customers', 'create', '--identifier', 'shared-co', '--display-name', 'Shared Company'])).code,
  ).toBe(0);

  const identifiers = Array.from({ length: 10 }, (_, i) => `parallel-${i}`);
  const runs = await Promise.all(
    identifiers.map((id) =>
      local([
        'accounts',
        'create',
        'shared-co',
        '--identifier',
        id,
        '--display-name',
        `Parallel ${id}`,
        '--contact-email',
        `${id}@shared.example`,
      ]),
    ),
  );

  for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
  const listed = await local(['accounts', 'list', 'shared-co', '--json']);
  const accounts = JSON.parse(listed.stdout) as Array<{ accountIdentifier: string; accountNumber: string }>;
  expect(accounts.map((a) => a.accountIdentifier).sort()).toEqual(identifiers.sort());
  expect(new Set(accounts.map((a) => a.accountNumber)).size).toBe(10);
  // The state file is whole JSON, not a torn write.
  expect(() => JSON.parse(readFileSync(join(config.dir, 'local-emulator.json'), 'utf8'))).not.toThrow();
});
