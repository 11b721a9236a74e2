/** Fitting tables to the terminal: what shrinks, what is dropped, what is never touched. */
import { describe, expect, it } from 'vitest';
import { displayWidth, type FitColumn, fitTable, tableWidth, truncate, wrap } from '../../src/output/fit.js';

const columns: FitColumn[] = [
  { header: 'IDENTIFIER', kind: 'identifier' },
  { header: 'DISPLAY NAME', kind: 'text' },
  { header: 'STATUS', kind: 'fixed', dropRank: 3 },
  { header: 'CREATED (UTC)', kind: 'fixed', dropRank: 1 },
  { header: 'BALANCE', kind: 'fixed', dropRank: 2 },
];
const longName = 'N'.repeat(100);
const longId = `acct-${'x'.repeat(60)}`;
const rows = [
  ['acme-main', longName, 'ACTIVE', '2025-03-02 14:05', '1,234.50 USD'],
  [longId, 'Short', 'FROZEN', '2025-03-03 09:00', '0.00 EUR'],
];

describe('fitTable', () => {
  it.each([
    { width: 220, dropped: [], nameWidth: 100 },
    { width: 200, dropped: [], nameWidth: 85 },
    { width: 160, dropped: [], nameWidth: 45 },
    { width: 120, dropped: ['CREATED (UTC)'], nameWidth: 24 },
    { width: 100, dropped: ['CREATED (UTC)', 'BALANCE'], nameWidth: 19 },
    { width: 90, dropped: ['STATUS', 'CREATED (UTC)', 'BALANCE'], nameWidth: 18 },
  ])('at $width columns: drops $dropped, display names get $nameWidth', ({ width, dropped, nameWidth }) => {
    const fit = fitTable(columns, rows, width);
    expect(fit.dropped).toEqual(dropped);
    expect(tableWidth(fit.widths)).toBeLessThanOrEqual(width);
    expect(fit.widths[1]).toBe(nameWidth);
    // Identifiers are whole, whatever the width.
    expect(fit.rows.map((r) => r[0])).toEqual(['acme-main', longId]);
    const name = fit.rows[0]![1]!;
    expect(displayWidth(name)).toBe(nameWidth);
    if (nameWidth < 100) expect(name.endsWith('…')).toBe(true);
  });

  it('drops columns lowest rank first and keeps the others in their order', () => {
    const fit = fitTable(columns, rows, 100);
    expect(fit.dropped).toEqual(['CREATED (UTC)', 'BALANCE']);
    expect(fit.kept).toEqual([0, 1, 2]);
    expect(fit.rows[1]).toEqual([longId, 'Short', 'FROZEN']);
  });

  it('never cuts an identifier: a table that cannot fit overflows rather than break one', () => {
    const fit = fitTable(columns, rows, 40);
    expect(fit.dropped).toEqual(['STATUS', 'CREATED (UTC)', 'BALANCE']);
    expect(fit.widths).toEqual([65, 12]);
    expect(fit.rows[1]![0]).toBe(longId);
    expect(tableWidth(fit.widths)).toBeGreaterThan(40);
  });

  it('a table that fits is untouched', () => {
    const small = [['a', 'b', 'ACTIVE', 'x', 'y']];
    const fit = fitTable(columns, small, 80);
    expect(fit.rows).toEqual(small);
    expect(fit.dropped).toEqual([]);
  });

  it('shortens each line of a cell of several lines on its own', () => {
    const fit = fitTable(
      [
        { header: 'ID', kind: 'identifier' },
        { header: 'FUNDING EMAILS', kind: 'text' },
      ],
      [['a', `${'f'.repeat(30)}@x.example\nb@x.example`]],
      30,
    );
    expect(fit.rows[0]![1]!.split('\n')).toEqual([`${'f'.repeat(20)}…`, 'b@x.example']);
  });
});

describe('truncate and displayWidth', () => {
  it.each([
    ['Zanzibar Foods', 8, 'Zanzibа…'.replace('а', 'a')],
    ['short', 8, 'short'],
    ['東京海上日動', 7, '東京海…'],
    ['Cafe\u0301 Central', 6, 'Cafe\u0301 …'],
  ])('%s in %i columns is %s', (text, width, expected) => {
    expect(truncate(text, width)).toBe(expected);
    expect(displayWidth(truncate(text, width))).toBeLessThanOrEqual(width);
  });
});

describe('wrap', () => {
  it.each([
    ['short', 10, 'short'],
    ['Employee Wellness Rewards', 10, 'Employee\nWellness\nRewards'],
    ['aaaaaaaaaaaaaaaaaaaaaaaaa', 10, 'aaaaaaaaaa\naaaaaaaaaa\naaaaa'],
    [
      'Hidden to fit: currencyCode, createdAt; see --fields',
      20,
      'Hidden to fit:\ncurrencyCode,\ncreatedAt; see\n--fields',
    ],
  ])('%s at %i columns', (text, width, expected) => {
    expect(wrap(text, width)).toBe(expected);
  });
});
