/**
 * columns.ts: the cells its module-level views compute with a function (the runtime pass's survivors
 * 63:13 and 99:13 of issue 20's mutation runs, each such function turned into `() => undefined`).
 *
 * The views are imported inside the test, on purpose: Stryker's runtime pass switches a mutant on
 * before a test file's tests run, after the file's static imports have loaded, and the choice between
 * a view's function and its mutant is made when the module loads. Only a test that loads the module
 * itself sees such a mutant; this file must not import columns.js at its top.
 */
import { describe, expect, it } from 'vitest';
import type { Account, Customer } from '../../src/domain/types.js';
// Types only: erased, so the module is still loaded by the test below.
import type { Column, ResourceView } from '../../src/output/columns.js';

describe('cells a view computes', () => {
  it("an account's funding emails are one ';' cell, a customer's accounts their count (kills 63:13, 99:13)", async () => {
    const { accountView, customerView } = await import('../../src/output/columns.js');
    const { cellText } = await import('../../src/output/render.js');
    const column = <T>(view: ResourceView<T>, key: string) => view.columns.find((c) => c.key === key) as Column<T>;

    const account = {
      accountIdentifier: 'sales-team',
      fundingNotification: [{ emailAddress: 'a@x.example' }, { emailAddress: 'b@x.example' }],
    } as Account;
    expect(cellText(column(accountView, 'fundingNotification'), account)).toBe('a@x.example;b@x.example');

    const customer = { customerIdentifier: 'acme-co', accounts: [account, account, account] } as unknown as Customer;
    expect(cellText(column(customerView, 'accounts'), customer)).toBe('3');
    // A customer read without its accounts (a list's summary) counts none rather than printing nothing.
    expect(cellText(column(customerView, 'accounts'), { customerIdentifier: 'acme-co' } as unknown as Customer)).toBe(
      '0',
    );
  });
});
