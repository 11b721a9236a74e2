/**
 * The status line's writes, one call at a time: when it clears, and how it cuts each part at the
 * edge of the terminal (issue 20: the survivors of src/output/status-line.ts, each naming its mutant).
 */
import { describe, expect, it } from 'vitest';
import { CLEAR_LINE, createStatusLine } from '../../src/output/status-line.js';

/** A plain status line of `columns` (it uses one column fewer, so the cursor never wraps) and what it wrote. */
function line(columns: number) {
  const writes: string[] = [];
  const status = createStatusLine({ color: false, columns, write: (text) => writes.push(text) });
  return { status, writes };
}

describe('clearing the status line', () => {
  it('writes nothing to clear a line it never drew (kills status-line.ts:39 `drawn` starting true)', () => {
    const { status, writes } = line(80);

    status.set('progress', undefined);
    status.set('retry', undefined);

    expect(writes).toEqual([]);
  });

  it('clears a drawn line once, however often it is told (kills status-line.ts:42 always clearing, :43 `drawn` kept)', () => {
    const { status, writes } = line(80);

    status.set('progress', 'bar');
    status.set('progress', undefined);
    status.set('retry', undefined);
    status.set('progress', undefined);

    expect(writes).toEqual([`${CLEAR_LINE}bar`, CLEAR_LINE]);
  });
});

describe('the parts cut to the width', () => {
  // 41 columns: 40 used. The bar keeps 5; the retry (10) and the gap (2) leave the bar 28.
  it('cuts the progress to leave the whole retry message beside it (kills status-line.ts:66 `width + GAP`)', () => {
    const { status, writes } = line(41);

    status.set('progress', 'p'.repeat(30), 5);
    status.set('retry', 'r'.repeat(10));

    expect(writes.at(-1)).toBe(`${CLEAR_LINE}${'p'.repeat(28)}  ${'r'.repeat(10)}`);
    expect(writes.at(-1)!.length - CLEAR_LINE.length).toBe(40);
  });

  it('no room left beside what the bar keeps: the bar alone, no gap (kills status-line.ts:69 `rest < 1` turned false)', () => {
    const { status, writes } = line(21);

    status.set('progress', 'p'.repeat(25), 19);
    status.set('retry', 'retrying');

    expect(writes.at(-1)).toBe(`${CLEAR_LINE}${'p'.repeat(19)}`);
  });

  it('one column left beside the bar: the retry shows as … (kills status-line.ts:69 `rest <= 1`)', () => {
    const { status, writes } = line(21);

    status.set('progress', 'p'.repeat(25), 17);
    status.set('retry', 'retrying');

    expect(writes.at(-1)).toBe(`${CLEAR_LINE}${'p'.repeat(17)}  …`);
  });

  it('a retry message exactly as wide as the line is shown whole (kills status-line.ts:74 `>=`)', () => {
    const { status, writes } = line(11);

    status.set('retry', 'r'.repeat(10));
    status.set('retry', 'r'.repeat(11));

    expect(writes).toEqual([`${CLEAR_LINE}${'r'.repeat(10)}`, `${CLEAR_LINE}${'r'.repeat(9)}…`]);
  });

  // Kills status-line.ts:73 (the zero-width check turned off, `< 0`, or its '' replaced).
  it('a terminal one column wide shows no retry text at all', () => {
    const { status, writes } = line(1);

    status.set('retry', 'retrying');

    expect(writes).toEqual([CLEAR_LINE]);
  });
});
