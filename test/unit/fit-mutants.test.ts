/**
 * Surviving mutants of src/output/fit.ts (`npm run mutation`), each pinned by the behaviour it
 * changes: which characters a terminal draws two columns wide, how narrow a text column may get,
 * the width of a missing cell, and where wrap() breaks a line. The comment above each test names
 * the mutants it kills.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth, type FitColumn, fitTable, tableWidth, wrap } from '../../src/output/fit.js';

// isWide: each range's `>=` made `>`, its `<=` made `<`, `>` or true, the range made false, and the
// `||` chain made `&&`. The character on each side of a range is in the table too: most are one
// column, a few are wide because the next range starts there, or zero (a combining mark, the BOM).
describe('East Asian wide characters take two columns, the ones beside them do not', () => {
  it.each([
    // name, first, last, width of first - 1, width of last + 1
    ['Hangul Jamo', 0x1100, 0x115f, 1, 1],
    ['CJK radicals to CJK symbols', 0x2e80, 0x303e, 1, 1],
    ['Hiragana to CJK compatibility', 0x3041, 0x33ff, 1, 2],
    ['CJK extension A', 0x3400, 0x4dbf, 2, 1],
    ['CJK unified ideographs', 0x4e00, 0x9fff, 1, 2],
    ['Yi', 0xa000, 0xa4cf, 2, 1],
    ['Hangul syllables', 0xac00, 0xd7a3, 1, 1],
    ['CJK compatibility ideographs', 0xf900, 0xfaff, 1, 1],
    ['CJK compatibility forms', 0xfe30, 0xfe4f, 0, 1],
    ['fullwidth forms', 0xff00, 0xff60, 0, 1],
    ['fullwidth signs', 0xffe0, 0xffe6, 1, 1],
    ['supplementary ideographic planes', 0x20000, 0x3fffd, 1, 1],
  ])('%s: its first and last characters are wide', (_, first, last, before, after) => {
    const width = (code: number) => displayWidth(String.fromCodePoint(code));
    expect(width(first)).toBe(2);
    expect(width(last)).toBe(2);
    expect(width(first - 1)).toBe(before);
    expect(width(last + 1)).toBe(after);
  });

  it('a name mixing wide and narrow characters is counted column by column', () => {
    expect(displayWidth('ｱ가Ａ漢A')).toBe(1 + 2 + 2 + 2 + 1);
  });
});

// shrink's floor: `Math.max(TEXT_FLOOR, header width)` made `Math.min`, which let a text column
// with a short header shrink below 12 columns, and one with a long header below its header.
describe('a text column is narrowed no further than its floor', () => {
  const id: FitColumn = { header: 'ID', kind: 'identifier' };
  it.each([
    ['NAME', 12],
    ['FUNDING EMAILS', 14],
  ])('under %s: %i columns, even when the table then overflows', (header, floor) => {
    const fit = fitTable([id, { header, kind: 'text' }], [['x'.repeat(20), 'n'.repeat(40)]], 30);
    expect(fit.widths).toEqual([20, floor]);
    expect(fit.rows[0]![1]).toBe(`${'n'.repeat(floor - 1)}…`);
    expect(tableWidth(fit.widths)).toBeGreaterThan(30);
  });
});

// cellWidth: a missing cell (`cell ?? ''`) counted as a 17-character text.
describe('a column whose rows have no cell', () => {
  it('is as wide as its header', () => {
    const columns: FitColumn[] = [
      { header: 'ID', kind: 'identifier' },
      { header: 'NOTE', kind: 'text' },
    ];
    const fit = fitTable(columns, [['acme'], ['acme-two']], 80);
    expect(fit.widths).toEqual([8, 4]);
    expect(fit.rows).toEqual([
      ['acme', ''],
      ['acme-two', ''],
    ]);
  });
});

describe('wrap', () => {
  // The early return (`<= width` made false or `<`): a text that fits is not rebuilt word by word.
  it.each([
    ['abc ', 4],
    ['two  spaces ', 20],
  ])('leaves %j alone at %i columns, trailing space and all', (text, width) => {
    expect(wrap(text, width)).toBe(text);
  });

  // A word that fills the line exactly: `<= width` made `<`, or the word measured with its
  // trailing space (`trimEnd` made `trimStart`).
  it('keeps a word on the line it fills to the last column', () => {
    expect(wrap('ab cd ef', 5)).toBe('ab cd\nef');
  });

  // A word exactly as wide as the line, after a break: `> width` made `>=`, or measured with its
  // trailing space; either split it again, leaving a line of one space before the next word.
  it('does not split a word that fits a line of its own', () => {
    expect(wrap('xy abcde fg', 5)).toBe('xy\nabcde\nfg');
  });

  // The last line pushed with its trailing spaces (`trimEnd` made `trimStart`).
  it.each([
    ['abc defgh  ', 5, 'abc\ndefgh'],
    ['ab cd ', 3, 'ab\ncd'],
  ])('ends %j at %i columns without a trailing space', (text, width, expected) => {
    expect(wrap(text, width)).toBe(expected);
  });

  // A bug these found: the second of two spaces where a line broke began the next line.
  it.each([
    ['abc defgh  fg', 5, 'abc\ndefgh\nfg'],
    ['abcdefghij   k', 5, 'abcde\nfghij\nk'],
    ['ab  cd  ef', 2, 'ab\ncd\nef'], // the old wrap gave "ab\n\ncd\n\nef"
  ])('starts no line of %j at %i columns with a space', (text, width, expected) => {
    expect(wrap(text, width)).toBe(expected);
  });

  // A bug these found: a character wider than the line was never placed, and wrap() looped forever.
  // Its split leaves nothing for a last line (`if (last)` made true adds an empty one).
  it('puts a character wider than the line on a line of its own', () => {
    expect(wrap('漢字', 1)).toBe('漢\n字');
    expect(wrap('a 漢字', 1)).toBe('a\n漢\n字');
  });
});
