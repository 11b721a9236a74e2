/**
 * A key or secret piped on stdin: exactly one trailing line break (LF or CRLF) is not part of it;
 * any other whitespace or control character is refused naming the field, and nothing is stored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, useOfflineWorld } from '../support/in-process.js';

const world = useOfflineWorld();

function login(args: string[], input: string) {
  return runInProcess(['--env', 'sandbox', 'auth', 'login', '--no-verify', ...args], {
    env: { TANGO_CONFIG_DIR: world.configDir() },
    input,
  });
}

const basic = (input: string) => login(['--platform-name', 'acme', '--platform-key-stdin'], input);
const oauth = (input: string) =>
  login(['--client-id', 'client-1', '--username', 'svc', '--client-secret-stdin'], input);

function stored(): Record<string, string> | undefined {
  const file = join(world.configDir(), 'config.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')).profiles.default;
}

describe('a platform key from stdin', () => {
  it.each([
    ['no line break', 'sk-live-123'],
    ['one LF', 'sk-live-123\n'],
    ['one CRLF', 'sk-live-123\r\n'],
  ])('with %s is stored as the key alone', async (_, input) => {
    const result = await basic(input);
    expect(result.code).toBe(0);
    expect(stored()?.platformKey).toBe('sk-live-123');
  });

  it.each([
    ['a second line break', 'sk-live-123\n\n', 'a line break at character 12'],
    ['a stray CR', 'sk-live-123\r', 'a carriage return at character 12'],
    ['CR CR LF', 'sk-live-123\r\r\n', 'a carriage return at character 12'],
    ['a space inside', 'sk-live 123', 'a space at character 8'],
    ['a leading space', ' sk-live-123', 'a space at character 1'],
    ['a trailing space', 'sk-live-123 \n', 'a space at character 12'],
    ['a tab', 'sk-live-123\t', 'a tab at character 12'],
    ['an ESC', 'sk-\u001b[2Jlive', 'the character U+001B at character 4'],
    ['a zero-width space', 'sk-live\u200b123', 'the character U+200B at character 8'],
    ['a no-break space', 'sk-live\u00a0123', 'the character U+00A0 at character 8'],
  ])('with %s is refused naming the field and the rule; nothing is stored', async (_, input, where) => {
    const result = await basic(input);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--platform-key-stdin: the platform key contains ${where}`);
    expect(result.stderr).toContain('may end with one line break');
    expect(result.stderr).not.toContain('sk-live');
    expect(stored()).toBeUndefined();
  });

  it('empty, or only a line break, is refused', async () => {
    for (const input of ['', '\n', '\r\n']) {
      const result = await basic(input);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('stdin was empty');
    }
    expect(stored()).toBeUndefined();
  });
});

describe('the OAuth client secret and password from stdin', () => {
  it.each([
    ['LF lines', 'secret-1\npw-1\n'],
    ['CRLF lines', 'secret-1\r\npw-1\r\n'],
    ['no final line break', 'secret-1\npw-1'],
  ])('%s are stored as the two values', async (_, input) => {
    const result = await oauth(input);
    expect(result.code).toBe(0);
    expect(stored()).toMatchObject({ clientSecret: 'secret-1', password: 'pw-1' });
  });

  it.each([
    ['a space in the password', 'secret-1\npw 1\n', "the service account's password contains a space"],
    ['a tab in the secret', 'secret\t1\npw-1\n', 'the client secret contains a tab'],
    ['a stray CR in the secret', 'secret-1\r\r\npw-1\n', 'the client secret contains a carriage return'],
    ['a third line', 'secret-1\npw-1\nextra\n', 'stdin must hold 2 lines'],
    ['a blank third line', 'secret-1\npw-1\n\n', 'stdin must hold 2 lines'],
    ['one line only', 'secret-1\n', "the service account's password missing"],
  ])('with %s: refused naming the field; nothing stored', async (_, input, message) => {
    const result = await oauth(input);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('secret-1');
    expect(stored()).toBeUndefined();
  });
});
