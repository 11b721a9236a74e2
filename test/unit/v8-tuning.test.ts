/**
 * V8's flags for the two kinds of command (src/v8-tuning.ts): a short command asks for a quick exit
 * when its API client is built; a bulk command asks for throughput before that, and its choice must
 * stand. The flags are never really set here: setFlagsFromString is replaced, so the test process
 * keeps its own.
 */
import v8 from 'node:v8';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let flags: string[];

beforeEach(() => {
  vi.resetModules();
  flags = [];
  vi.spyOn(v8, 'setFlagsFromString').mockImplementation((flag: string) => {
    flags.push(flag);
  });
});
afterEach(() => vi.restoreAllMocks());

const tuning = () => import('../../src/v8-tuning.js');

describe('V8 tuning', () => {
  it('a short command keeps the baseline WebAssembly compiler, so exiting never waits for the optimiser', async () => {
    (await tuning()).preferQuickExit();
    expect(flags).toEqual(['--liftoff-only']);
  });

  it("a bulk command's throughput stands when its client is built afterwards", async () => {
    const { preferQuickExit, preferThroughput } = await tuning();
    preferThroughput();
    preferQuickExit();
    expect(flags).toEqual(['--no-liftoff-only', '--semi-space-growth-factor=1', '--optimize-for-size']);
  });
});
