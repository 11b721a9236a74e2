/**
 * A deeply nested or huge import, plan or --input file is a usage error naming the file and the
 * depth or size, never a stack overflow and never read into memory whole.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonTooDeep, MAX_INPUT_BYTES, MAX_JSON_DEPTH } from '../../src/domain/input-limits.js';
import { IOStreams } from '../../src/output/iostreams.js';
import { fakeOutput, runInProcess, useOfflineWorld } from '../support/in-process.js';

const world = useOfflineWorld();
const nested = (depth: number, inner = '') => '['.repeat(depth) + inner + ']'.repeat(depth);

function local(args: string[], input?: string) {
  return runInProcess(['--env', 'local', ...args], { env: { TANGO_CONFIG_DIR: world.configDir() }, input });
}

function file(name: string, text: string): string {
  const path = join(world.configDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('jsonTooDeep', () => {
  it('counts brackets and braces outside strings only, in one pass without recursion', () => {
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH + 1))).toEqual({ depth: MAX_JSON_DEPTH + 1, line: 1 });
    expect(jsonTooDeep(`["${'['.repeat(1000)}", "\\"[[[["]`)).toBeUndefined();
    expect(jsonTooDeep(`[\n{"a":\n${nested(100_000)}}]`)).toEqual({ depth: 100_002, line: 3 });
  });

  it('reads where each string ends as JSON does: an escaped quote stays inside, an escaped backslash does not', () => {
    const deep = nested(MAX_JSON_DEPTH);
    // The string closes after an escaped backslash: the brackets after it count.
    expect(jsonTooDeep(`["a\\\\", ${deep}]`)).toEqual({ depth: MAX_JSON_DEPTH + 1, line: 1 });
    expect(jsonTooDeep(`["\\\\\\\\", ${deep}]`)).toEqual({ depth: MAX_JSON_DEPTH + 1, line: 1 });
    // An escaped quote (after an odd run of backslashes) does not close it: those brackets are text.
    expect(jsonTooDeep(`["a\\" ${deep}", 1]`)).toBeUndefined();
    expect(jsonTooDeep(`["a\\\\\\" ${deep}", 1]`)).toBeUndefined();
    // A string that never closes holds the rest of the text.
    expect(jsonTooDeep(`["${deep}`)).toBeUndefined();
    // The line is counted over the whole text, a raw line break inside a string included.
    expect(jsonTooDeep(`[{"note": "two\nlines"},\n"x",\n${nested(MAX_JSON_DEPTH)}]`)).toEqual({
      depth: MAX_JSON_DEPTH + 1,
      line: 4,
    });
  });
});

describe('a deeply nested file', () => {
  it.each([
    ['an import file of 100,000 nested arrays', nested(100_000)],
    ['an import row whose identifier is nested 100,000 deep', `[{"identifier": ${nested(100_000)}}]`],
    ['NDJSON with one deep line', `{"identifier":"acme-one"}\n{"identifier": ${nested(100_000)}}`],
  ])('%s: accounts import is exit 2 naming the file and the depth', async (_, text) => {
    const path = file('deep.json', text);
    const result = await local(['accounts', 'import', 'acme-corp', '--file', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(path);
    expect(result.stderr).toMatch(/nested 100,00[0-2] levels deep \(from line \d\); at most 64 are read/);
    expect(result.stderr).not.toMatch(/call stack|RangeError|Unexpected error/);
  });

  it('on stdin too', async () => {
    const result = await local(['accounts', 'import', 'acme-corp', '--file', '-', '--format', 'json'], nested(100_000));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stdin');
    expect(result.stderr).toContain('nested 100,000 levels deep');
  });

  it.each([
    ['of 100,000 nested arrays', nested(100_000)],
    ['whose customer is nested 100,000 deep', `{"customer": ${nested(100_000)}, "accounts": []}`],
  ])('an onboarding plan %s is exit 2 naming the file and the depth', async (_, text) => {
    const path = file('plan.json', text);
    const result = await local(['onboard', '--plan', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`The plan file ${path} is nested 100,00`);
    expect(result.stderr).toContain('at most 64 are read; nothing was sent');
  });

  it('tango api --input is refused the same way before anything is sent', async () => {
    const path = file('body.json', `{"a": ${nested(100_000)}}`);
    const result = await local(['api', 'POST', '/customers', '--input', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--input ${path}: JSON nested 100,001 levels deep`);
  });

  it('a real import file is read as usual: the depth rule leaves it alone', async () => {
    const path = file('ok.json', '[{"identifier":"acme-deep-ok","displayName":"Acme Deep","contactEmail":"a@b.co"}]');
    const result = await local(['customers', 'create', '--identifier', 'acme-corp', '--display-name', 'Acme Corp']);
    expect(result.code).toBe(0);
    const imported = await local(['accounts', 'import', 'acme-corp', '--file', path]);
    expect(imported.code).toBe(0);
  });
});

describe('a huge file', () => {
  it.each([
    ['accounts import --file', (path: string) => ['accounts', 'import', 'acme-corp', '--file', path], '--file'],
    ['onboard --plan', (path: string) => ['onboard', '--plan', path], '--plan'],
    ['api --input', (path: string) => ['api', 'POST', '/customers', '--input', path], '--input'],
  ])('%s larger than 100 MiB is refused by its size, before it is read', async (_, args, flag) => {
    const path = file('huge.csv', '');
    truncateSync(path, MAX_INPUT_BYTES + 1); // sparse: no disk, no memory
    const result = await local(args(path));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${flag} ${path} is 101 MiB; at most 100 MiB is read`);
    expect(result.stderr).toContain('split it');
  });

  it('stdin is refused as soon as it passes 100 MiB, without waiting for the end', async () => {
    let sent = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          sent += 1024 * 1024;
          yield Buffer.alloc(1024 * 1024, 'a');
        }
      })(),
    );
    const io = new IOStreams(
      {
        stdin: endless as unknown as NodeJS.ReadStream,
        stdout: fakeOutput(false).stream,
        stderr: fakeOutput(false).stream,
      },
      {},
    );
    await expect(io.readStdin('--file -', 'example')).rejects.toThrow(
      '--file -: stdin holds more than 100 MiB; at most 100 MiB is read',
    );
    expect(sent).toBeLessThanOrEqual(MAX_INPUT_BYTES + 2 * 1024 * 1024);
  });
});

// Mutation survivors of src/domain/input-limits.ts: the size in a message, in MiB up to 1 GiB.
describe('a file size in words', () => {
  it.each([
    [120 * 1024 * 1024, '120 MiB'],
    [1.2 * 1024 * 1024, '2 MiB'],
    [1023.5 * 1024 * 1024, '1024 MiB'],
    [1024 * 1024 * 1024, '1.0 GiB'],
    [1.5 * 1024 * 1024 * 1024, '1.5 GiB'],
  ])('%i bytes is %s (kills >= turned into > and the GiB arithmetic)', async (bytes, words) => {
    const { describeSize } = await import('../../src/domain/input-limits.js');
    expect(describeSize(bytes)).toBe(words);
  });
});
