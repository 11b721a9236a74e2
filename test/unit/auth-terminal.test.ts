/**
 * `auth login` and `auth logout` at a terminal, in-process through the Prompter: what is asked,
 * what a "no" keeps, and that --yes and scripts (no terminal) are never asked anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InProcessOptions, runInProcess, useOfflineWorld } from '../support/in-process.js';
import { no, scriptedPrompter, yes } from '../support/prompter.js';

const world = useOfflineWorld();
const TERMINAL = { stdin: true, stdout: true, stderr: true };
const KEY = 'sk-test-0123456789abcdef';

function tango(args: string[], options: InProcessOptions = {}) {
  return runInProcess(args, { ...options, env: { TANGO_CONFIG_DIR: world.configDir(), ...options.env } });
}

function storedProfile(name = 'default'): Record<string, unknown> | undefined {
  return JSON.parse(readFileSync(join(world.configDir(), 'config.json'), 'utf8')).profiles[name];
}

async function loggedIn(): Promise<void> {
  const login = await tango(['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'], {
    input: KEY,
  });
  expect(login.code, login.stderr).toBe(0);
}

describe('auth logout at a terminal', () => {
  it('asks first, naming the profile and whose credentials; "no" keeps them and exits 130', async () => {
    await loggedIn();
    const prompter = scriptedPrompter([no]);

    const result = await tango(['auth', 'logout'], { tty: TERMINAL, prompter });

    expect(result.code).toBe(130);
    expect(prompter.asked.map((q) => [q.kind, q.message, q.default])).toEqual([
      ['confirm', 'Remove the credentials of profile "default" (platform acme)?', false],
    ]);
    expect(result.stderr).toContain('Cancelled; the credentials of profile "default" were kept.');
    expect(storedProfile()).toMatchObject({ platformName: 'acme', platformKey: KEY });
  });

  it('"yes" removes them', async () => {
    await loggedIn();
    const prompter = scriptedPrompter([yes]);

    const result = await tango(['auth', 'logout'], { tty: TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(storedProfile()).not.toHaveProperty('platformKey');
    expect(storedProfile()).not.toHaveProperty('platformName');
  });

  it('--yes asks nothing', async () => {
    await loggedIn();
    const prompter = scriptedPrompter([]);

    const result = await tango(['auth', 'logout', '--yes'], { tty: TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(storedProfile()).not.toHaveProperty('platformKey');
  });

  it('without a terminal it removes them without a question, as it always did', async () => {
    await loggedIn();
    const prompter = scriptedPrompter([]);

    const result = await tango(['auth', 'logout'], { prompter });

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(prompter.asked).toEqual([]);
    expect(storedProfile()).not.toHaveProperty('platformKey');
  });

  it('a profile without credentials is not asked about', async () => {
    const prompter = scriptedPrompter([]);

    const result = await tango(['auth', 'logout'], { tty: TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(result.stderr).toContain('has no stored credentials');
  });
});
