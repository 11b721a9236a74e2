/**
 * V8's flags (src/v8-tuning.ts): every API client keeps the baseline WebAssembly compiler when it is
 * built; a bulk command asks before that for a young generation kept at its first size, and keeps the
 * baseline compiler too (the optimising one cost an import more CPU and a list 20 MB). The flags are
 * never really set here: setFlagsFromString is replaced, so the test process keeps its own.
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

  it('a bulk command keeps memory flat, and its client the baseline compiler all the same', async () => {
    const { preferQuickExit, preferThroughput } = await tuning();
    preferThroughput();
    preferQuickExit();
    expect(flags).toEqual(['--semi-space-growth-factor=1', '--optimize-for-size', '--liftoff-only']);
    expect(flags).not.toContain('--no-liftoff-only');
  });
});
