/**
 * The terminal's one redrawn line (src/output/status-line.ts), shared by an import's progress bar
 * and the retry status: a retry shows beside the bar, and the write that removes it brings the
 * bar back at once, rather than leaving an empty line until the bar's next tick.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startProgress } from '../../src/import/progress.js';
import type { RowResult } from '../../src/import/types.js';
import { createRetryStatus } from '../../src/output/retry-status.js';
import { CLEAR_LINE, createStatusLine } from '../../src/output/status-line.js';

const row: RowResult = { row: 1, line: 2, accountIdentifier: 'acme-one', outcome: 'created', accountNumber: 'A1' };
const wait = { status: 503, networkCode: undefined, delayMs: 2000, nextAttempt: 2, maxAttempts: 5 };
const RETRY = '503 from Tango, retrying in 2 s (attempt 2 of 5)';
const BAR_0_OF_2 = '[------------------------] 0/2 created 0, existed 0, conflict 0, failed 0 · 0.0 rows/s · ETA -';

afterEach(() => {
  vi.useRealTimers();
});

/** A progress bar over 2 rows and the retry status, both on one status line of `columns`. */
function importAtATerminal(columns: number) {
  vi.useFakeTimers();
  const frames: string[] = [];
  const line = createStatusLine({ color: false, columns, write: (text) => frames.push(text) });
  const progress = startProgress({ total: 2, line, say: () => expect.unreachable(), intervalMs: 100 });
  const retries = createRetryStatus({ mode: 'redraw', color: false, line, write: () => expect.unreachable() });
  return { frames, progress, retries };
}

describe('the progress bar and the retry status share one line', () => {
  it('the retry shows beside the bar, and removing it redraws the bar in the same write', () => {
    const { frames, progress, retries } = importAtATerminal(200);

    vi.advanceTimersByTime(100);
    retries.waiting(wait);
    retries.settled(wait);
    progress.add(row, true);
    progress.stop();

    expect(frames).toEqual([
      `${CLEAR_LINE}${BAR_0_OF_2}`,
      `${CLEAR_LINE}${BAR_0_OF_2}  ${RETRY}`,
      `${CLEAR_LINE}${BAR_0_OF_2}`,
      CLEAR_LINE,
    ]);
  });

  it('the bar redrawn while a retry waits keeps the message beside it', () => {
    const { frames, progress, retries } = importAtATerminal(200);

    retries.waiting(wait);
    progress.add(row, true);
    vi.advanceTimersByTime(100);

    expect(frames.at(-1)).toMatch(
      /^\r\u001b\[2K\[############------------\] 1\/2 created 1, .*\d rows\/s · ETA .*? {2}503 from/,
    );
    expect(frames.at(-1)!.endsWith(`  ${RETRY}`)).toBe(true);
    progress.stop();
    expect(frames.at(-1)).toBe(`${CLEAR_LINE}${RETRY}`);
  });

  it('at 80 columns the tally gives way to the message, never the bar and count, and the line never wraps', () => {
    const { frames, retries } = importAtATerminal(80);

    vi.advanceTimersByTime(100);
    retries.waiting({ ...wait, delayMs: 10 });

    const shown = frames.at(-1)!.slice(CLEAR_LINE.length);
    expect(shown).toBe('[------------------------] 0/2  503 from Tango, retrying in under a second (at…');
    expect(shown).toHaveLength(79);
  });
});
