/**
 * One item at a terminal (drawDetails): when it is a boxed table and when plain label-value lines
 * (issue 20: the survivors of src/output/table.ts, each naming its mutant).
 */
import { describe, expect, it } from 'vitest';
import { createPaint } from '../../src/output/color.js';
import type { Column } from '../../src/output/columns.js';
import { drawDetails } from '../../src/output/table.js';

const columns: Column[] = [
  { key: 'id', header: 'ID', fit: 'identifier' },
  { key: 'name', header: 'NAME' },
];

/** The item at `width` columns, colourless. The labels are 4 wide: the box takes 11, the rest is the value's. */
function details(width: number, id: string): string {
  return drawDetails({ id, name: 'Acme' }, columns, {
    width,
    paint: createPaint(false),
    text: (column, row) => String(row[column.key]),
  });
}

const boxed = (text: string) => text.startsWith('┌');
const plain = (id: string) => `ID    ${id}\nNAME  Acme\n`;

describe('one item at a terminal', () => {
  it('an identifier exactly as wide as the value column stays in the box (kills table.ts:59 `>=`)', () => {
    const id = 'a'.repeat(20);
    const text = details(31, id);

    expect(boxed(text)).toBe(true);
    expect(text).toContain(`│ ${id} │`);
    const widths = text
      .trimEnd()
      .split('\n')
      .map((l) => l.length);
    expect(Math.max(...widths)).toBe(31);
  });

  it('an identifier one wider leaves the box, whole on its line', () => {
    const id = 'a'.repeat(21);
    expect(details(31, id)).toBe(plain(id));
  });

  // Kills table.ts:60 (the narrow check turned off, or `<= 10`).
  it.each([
    [20, false], // 9 columns for values: too narrow for a box
    [21, true], // 10: a box
  ])('at %i columns, boxed: %s', (width, expected) => {
    const text = details(width, 'acme');

    expect(boxed(text)).toBe(expected);
    if (!expected) expect(text).toBe(plain('acme'));
  });
});
