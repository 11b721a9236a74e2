/**
 * Tables at a terminal: fitted to its width with identifiers whole, money and dates as a person
 * reads them, statuses coloured, and a line on stderr for what was left out or an empty list.
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/domain/types.js';
import { accountView, customerView } from '../../src/output/columns.js';
import { displayWidth } from '../../src/output/fit.js';
import { Output } from '../../src/output/render.js';

function terminal(width: number, options: { color?: boolean; fields?: string[] } = {}) {
  let text = '';
  const notices: string[] = [];
  const out = new Output({
    format: 'table',
    fields: options.fields,
    color: options.color ?? false,
    isTTY: true,
    width,
    write: (chunk) => {
      text += chunk;
    },
    notice: (line) => notices.push(line),
  });
  return { out, text: () => text, notices };
}

const LONG_NAME = `Zanzibar Health Group ${'Employee Wellness Rewards '.repeat(3)}`.slice(0, 100);
const LONG_ID = 'zanzibar-health-group-employee-wellness';

const account = (n: number, extra: Partial<Account> = {}): Account => ({
  accountIdentifier: `acct-${n}`,
  accountNumber: `A1000000${n}`,
  displayName: LONG_NAME,
  status: 'ACTIVE',
  currencyCode: 'USD',
  currentBalance: 1234.5,
  createdAt: '2025-03-02T14:05:59.000Z',
  contactEmail: 'ops@zanzibar.example',
  fundingNotification: [{ emailAddress: 'finance@zanzibar.example' }, { emailAddress: 'ap@zanzibar.example' }],
  ...extra,
});
const accounts = [account(1), account(2, { accountIdentifier: LONG_ID, status: 'FROZEN', currentBalance: 0 })];

const widest = (text: string) => Math.max(...text.trimEnd().split('\n').map(displayWidth));

describe('a list at a terminal', () => {
  it.each([80, 100, 120, 160, 200])(
    'fits %i columns; identifiers whole, display names shortened with …',
    async (width) => {
      const { out, text } = terminal(width);
      await out.list(accounts, accountView);
      expect(widest(text())).toBeLessThanOrEqual(width);
      expect(text()).toContain(LONG_ID);
      expect(text()).toContain('acct-1 ');
      expect(text()).toContain('…');
      expect(text()).not.toContain(LONG_NAME);
    },
  );

  it('at 140 columns: balances read 1,234.50 USD right-aligned, dates 2025-03-02 14:05, nothing dropped', async () => {
    const { out, text, notices } = terminal(140);
    await out.list(accounts, accountView);
    expect(text()).toContain('CREATED (UTC)');
    expect(text()).toContain('2025-03-02 14:05');
    expect(text()).toMatch(/│ 1,234\.50 USD │/);
    expect(text()).toMatch(/│\s{5}0\.00 USD │/);
    expect(notices).toEqual([]);
  });

  it.each([
    [120, 'currencyCode'],
    [80, 'accountNumber, currencyCode, currentBalance, createdAt'],
  ])('at %i columns the low-value columns go (%s), named in one line that points at --fields', async (width, left) => {
    const { out, text, notices } = terminal(width);
    await out.list(accounts, accountView);
    expect(notices).toEqual([`Hidden to fit: ${left}; see --fields`]);
    expect(text()).not.toContain('CURRENCY');
    // The identifier and the status are never the ones left out.
    expect(text()).toContain('STATUS');
  });

  it('with room to spare nothing is shortened', async () => {
    const { out, text, notices } = terminal(400);
    await out.list(accounts, accountView);
    expect(text()).toContain(LONG_NAME);
    expect(notices).toEqual([]);
  });

  it('statuses are coloured: ACTIVE green, FROZEN yellow, DISABLED red, DELETED dim', async () => {
    const { out, text } = terminal(200, { color: true });
    const statuses = ['ACTIVE', 'FROZEN', 'DISABLED', 'DELETED', 'INACTIVE'];
    await out.list(
      statuses.map((status, n) => account(n, { status })),
      accountView,
    );
    expect(text()).toContain('\u001b[32mACTIVE\u001b[39m');
    expect(text()).toContain('\u001b[33mFROZEN\u001b[39m');
    expect(text()).toContain('\u001b[31mDISABLED\u001b[39m');
    expect(text()).toContain('\u001b[2mDELETED\u001b[22m');
    expect(text()).toMatch(/│ INACTIVE\s+│/);
  });

  it('an empty list prints nothing on stdout and says so, with the command that creates one', async () => {
    const { out, text, notices } = terminal(120);
    await out.list([], customerView);
    expect(text()).toBe('');
    expect(notices).toEqual(['No customers match. Create one with `tango customers create`.']);
  });

  it('funding emails read "a@x, b@x" in a table; CSV keeps its ";" list', async () => {
    const { out, text } = terminal(200, { fields: ['accountIdentifier', 'fundingNotification'] });
    await out.list([account(1)], accountView);
    expect(text()).toContain('finance@zanzibar.example, ap@zanzibar.example');
  });
});

describe('one item at a terminal', () => {
  it.each([80, 120])('at %i columns a 100-character name wraps inside the box; nothing is lost', async (width) => {
    const { out, text } = terminal(width);
    await out.item(account(1), accountView);
    expect(widest(text())).toBeLessThanOrEqual(width);
    expect(text()).toMatch(/^┌/);
    const flattened = text()
      .split('\n')
      .map((line) => line.replace(/^│[^│]*│ ?/, '').replace(/\s*│$/, ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(flattened).toContain(LONG_NAME.trim());
    expect(text()).toContain('1,234.50 USD');
  });

  it('an identifier too long for the box: no box, and the identifier stays whole on its line', async () => {
    const id = `acct-${'y'.repeat(95)}`;
    const { out, text } = terminal(80);
    await out.item(account(1, { accountIdentifier: id }), accountView);
    expect(text()).not.toMatch(/[│┌]/);
    expect(text().split('\n')[0]).toBe(`IDENTIFIER      ${id}`);
  });
});
