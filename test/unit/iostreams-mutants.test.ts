/**
 * Surviving mutants of src/output/iostreams.ts (`npm run mutation`): how much stdin is read, what
 * the refusal says, the width of stderr's terminal, and which stream's terminal decides colour.
 * The comment above each test names the mutants it kills.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/domain/input-limits.js';
import { UsageError } from '../../src/errors.js';
import { IOStreams } from '../../src/output/iostreams.js';
import { fakeOutput } from '../support/in-process.js';

const MiB = 1024 * 1024;

/** A stdin of `megabytes` MiB of "a" and then `extra` bytes more, in chunks of 1 MiB. */
function piped(megabytes: number, extra = 0): NodeJS.ReadStream {
  const chunk = Buffer.alloc(MiB, 'a');
  return Readable.from(
    (function* () {
      for (let i = 0; i < megabytes; i++) yield chunk;
      if (extra > 0) yield Buffer.alloc(extra, 'a');
    })(),
  ) as unknown as NodeJS.ReadStream;
}

function streams(stdin: NodeJS.ReadStream, tty: { stdout?: boolean; stderr?: boolean } = {}, columns = 100) {
  return new IOStreams(
    {
      stdin,
      stdout: fakeOutput(Boolean(tty.stdout), columns).stream,
      stderr: fakeOutput(Boolean(tty.stderr), columns).stream,
    },
    {},
  );
}

describe('reading stdin up to the limit', () => {
  // `bytes > MAX_INPUT_BYTES` made `>=`: exactly 100 MiB is the most that is read, and it is read.
  it('reads exactly 100 MiB whole', async () => {
    expect(MAX_INPUT_BYTES).toBe(100 * MiB);
    const text = await streams(piped(100)).readStdin('--file -', 'cat rows.csv | tango');
    expect(text.length).toBe(MAX_INPUT_BYTES);
  });

  // The refusal's hint emptied, or its extra details made `{}`.
  it('refuses one byte more, with the limit and what to do instead', async () => {
    const refusal = await streams(piped(100, 1))
      .readStdin('--file -', 'cat rows.csv | tango')
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UsageError);
    expect((refusal as UsageError).message).toBe('--file -: stdin holds more than 100 MiB; at most 100 MiB is read');
    expect((refusal as UsageError).hint).toBe('split it into smaller files and run once for each');
  });
});

// stderrColumns: `columns || undefined` made `columns && undefined`.
describe("stderr's terminal width", () => {
  it.each([
    ['a terminal 64 columns wide', true, 64, 64],
    ['a terminal that reports no width', true, 0, undefined],
    ['a pipe', false, 64, undefined],
  ])('on %s: %s', (_, isTTY, columns, expected) => {
    expect(streams(piped(0), { stderr: isTTY }, columns).stderrColumns).toBe(expected);
  });
});

// colorOn: `stream === 'stdout'` made true, so stderr took stdout's terminal.
describe('colour follows the terminal of the stream written to', () => {
  it.each([
    [{ stdout: false, stderr: true }, false, true],
    [{ stdout: true, stderr: false }, true, false],
  ])('%o: stdout %s, stderr %s', (tty, stdout, stderr) => {
    const io = streams(piped(0), tty);
    expect(io.colorOn('stdout', undefined)).toBe(stdout);
    expect(io.colorOn('stderr', undefined)).toBe(stderr);
  });
});
