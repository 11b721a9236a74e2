/** Values as a terminal table shows them: money, dates, statuses. */
import { describe, expect, it } from 'vitest';
import { createPaint } from '../../src/output/color.js';
import { formatDateTime, formatMoney, paintStatus } from '../../src/output/format.js';

describe('formatMoney', () => {
  it.each([
    [1234.5, 'USD', '1,234.50 USD'],
    [0, 'EUR', '0.00 EUR'],
    [1234567.891, 'GBP', '1,234,567.89 GBP'],
    [-20, 'CAD', '-20.00 CAD'],
    [999.999, 'AUD', '1,000.00 AUD'],
    [12.5, undefined, '12.50'],
    [undefined, 'USD', ''],
  ])('%s %s reads %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2025-03-02T14:05:59.123Z', '2025-03-02 14:05'],
    ['2025-03-02T23:30:00+02:00', '2025-03-02 21:30'],
    ['not a date', 'not a date'],
    [undefined, ''],
  ])('%s reads %s (UTC)', (value, expected) => {
    expect(formatDateTime(value)).toBe(expected);
  });
});

describe('paintStatus', () => {
  const paint = createPaint(true);
  it.each([
    ['ACTIVE', '\u001b[32m', '\u001b[39m'],
    ['FROZEN', '\u001b[33m', '\u001b[39m'],
    ['DISABLED', '\u001b[31m', '\u001b[39m'],
    ['DELETED', '\u001b[2m', '\u001b[22m'],
  ])('%s is coloured', (status, open, close) => {
    expect(paintStatus(paint, status)).toBe(`${open}${status}${close}`);
  });

  it('INACTIVE, unknown values and colour off stay plain', () => {
    expect(paintStatus(paint, 'INACTIVE')).toBe('INACTIVE');
    expect(paintStatus(createPaint(false), 'ACTIVE')).toBe('ACTIVE');
  });
});
