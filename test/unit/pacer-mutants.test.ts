/**
 * abortableSleep (src/api/pacer.ts), the wait behind the pace and every retry: Ctrl-C ends it at
 * once, and no wait leaves a timer or a listener behind (a leftover timer would hold the process
 * open until it fires; a leftover listener stays on the command's signal, one per wait). Each test
 * names the mutation-testing survivor it kills (pacer.ts:line).
 */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortableSleep } from '../../src/api/pacer.js';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** What the promise settled to so far: 'pending', 'resolved', or the reason it was rejected with. */
function outcomeOf(promise: Promise<void>): () => unknown {
  let outcome: unknown = 'pending';
  promise.then(
    () => {
      outcome = 'resolved';
    },
    (reason: unknown) => {
      outcome = reason;
    },
  );
  return () => outcome;
}

describe('abortableSleep', () => {
  // pacer.ts:173 (the abort handler emptied), 174 (its clearTimeout dropped), 177 (the listener added
  // for another event, or not once)
  it('ends at once with the reason on abort, leaving no timer and no listener', async () => {
    const controller = new AbortController();
    const outcome = outcomeOf(abortableSleep(60_000, controller.signal));
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error('interrupted');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome()).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  // pacer.ts:170 (the listener removal given another event name)
  it('waits its time, then leaves no listener on the signal', async () => {
    const controller = new AbortController();
    const outcome = outcomeOf(abortableSleep(1000, controller.signal));
    await vi.advanceTimersByTimeAsync(999);
    expect(outcome()).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome()).toBe('resolved');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('refuses at once on a signal already aborted, without starting a timer', async () => {
    const controller = new AbortController();
    controller.abort('stopped');
    const outcome = outcomeOf(abortableSleep(1000, controller.signal));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome()).toBe('stopped');
    expect(vi.getTimerCount()).toBe(0);
  });
});
