/**
 * The documented shape of each answer (src/api/shapes.ts), case by case: which bodies each check
 * takes and refuses, and the words of the error a refused one becomes. Each case names the
 * mutation-testing survivor it kills (file:line of the last Stryker run).
 */
import { describe, expect, it } from 'vitest';
import type { HttpResult, RequestSpec } from '../../src/api/http.js';
import { checkShape, describeValue, shapes } from '../../src/api/shapes.js';
import { ExitCode, UnexpectedAnswerError } from '../../src/errors.js';

const customer = { customerIdentifier: 'acme-1', displayName: 'Acme' };
const account = { accountIdentifier: 'acme-main', currencyCode: 'USD' };
const alert = { balanceAlertID: 'A-1', displayName: 'low' };
const alertPage = (lowBalanceAlerts: unknown[], page: unknown = { number: 0, totalPages: 1 }) => ({
  page,
  lowBalanceAlerts,
});

type Check = (value: unknown) => boolean;

describe('the shape checks take the documented bodies and nothing else', () => {
  // isObject (shapes.ts:18): null, a list, a number and a string are not objects; a check reaching
  // into null would throw a TypeError instead of answering false.
  it.each<[string, Check, unknown, boolean]>([
    ['a customer', shapes.customer, customer, true],
    ['a customer without accounts listed', shapes.customer, { customerIdentifier: 'c' }, true],
    ['a customer with its accounts', shapes.customer, { customerIdentifier: 'c', accounts: [account] }, true],
    // customerLike (shapes.ts:22 isObject turned true): null read as a customer throws
    ['null as a customer', shapes.customer, null, false],
    // shapes.ts:23 (the identifier check turned true)
    ['a customer without its identifier', shapes.customer, { displayName: 'Acme' }, false],
    ['a customer whose identifier is a number', shapes.customer, { customerIdentifier: 7 }, false],
    // shapes.ts:24 (the accounts check turned true)
    ['a customer whose accounts are not a list', shapes.customer, { customerIdentifier: 'c', accounts: 'x' }, false],
    ['a customer whose accounts are null', shapes.customer, { customerIdentifier: 'c', accounts: null }, false],
    ['a list as a customer', shapes.customer, [customer], false],
    ['an account', shapes.account, account, true],
    // accountLike (shapes.ts:26:41 isObject turned true, 26:60 the identifier check turned true)
    ['null as an account', shapes.account, null, false],
    ['an account without its identifier', shapes.account, { currencyCode: 'USD' }, false],
    ['a string as an account', shapes.account, 'acme-main', false],
    ['a list of customers', shapes.customers, [customer, customer], true],
    ['an empty list of customers', shapes.customers, [], true],
    ['a page of customers', shapes.customers, { items: [customer], page: { number: 0 } }, true],
    ['a list holding one bad customer', shapes.customers, [customer, { displayName: 'x' }], false],
    // listOrPage (shapes.ts:31 isObject turned true): null read as a page throws
    ['null as a list of customers', shapes.customers, null, false],
    ['a page whose items are not a list', shapes.customers, { items: 'x' }, false],
    ['a page holding one bad customer', shapes.customers, { items: [customer, {}] }, false],
    ['a list of accounts', shapes.accounts, [account], true],
    ['a page of accounts', shapes.accounts, { items: [account] }, true],
    ['a list of customers as accounts', shapes.accounts, [customer], false],
    ['an alert', shapes.alert, alert, true],
    // alertLike (shapes.ts:35:39 isObject turned true, 35:58 the identifier check turned true)
    ['null as an alert', shapes.alert, null, false],
    ['an alert without its id', shapes.alert, { displayName: 'low' }, false],
    ['an alert whose id is a number', shapes.alert, { balanceAlertID: 1 }, false],
    ['a page of alerts', shapes.alerts, alertPage([alert, alert]), true],
    ['an empty page of alerts', shapes.alerts, alertPage([]), true],
    // alertListLike (shapes.ts:39 isObject turned true): null read as a page throws
    ['null as a page of alerts', shapes.alerts, null, false],
    // isObject (shapes.ts:18, each of its three conditions): the page numbers are an object, not
    // null, a number, a string or a list
    ['alerts whose page is null', shapes.alerts, alertPage([], null), false],
    ['alerts whose page is a number', shapes.alerts, alertPage([], 5), false],
    ['alerts whose page is a string', shapes.alerts, alertPage([], '0'), false],
    ['alerts whose page is a list', shapes.alerts, alertPage([], []), false],
    // The OpenAPI requires neither property of LowBalanceAlertListView: either may be left out
    // (shapes.ts alertListLike: each `=== undefined` turned false refuses these), never wrong when there.
    ['alerts without page numbers', shapes.alerts, { lowBalanceAlerts: [alert] }, true],
    ['page numbers without alerts', shapes.alerts, { page: { number: 0 } }, true],
    ['an alert list with neither', shapes.alerts, {}, true],
    ['alerts that are null', shapes.alerts, { page: { number: 0 }, lowBalanceAlerts: null }, false],
    ['a bad alert without page numbers', shapes.alerts, { lowBalanceAlerts: [{ displayName: 'x' }] }, false],
    ['alerts that are not a list', shapes.alerts, alertPage({ 0: alert } as unknown as unknown[]), false],
    // shapes.ts:42 (every turned some): one good alert does not make a page of them
    ['a page holding one bad alert', shapes.alerts, alertPage([alert, { displayName: 'x' }]), false],
    // deletedAlert (shapes.ts:53, covered by no unit test): an alert with its status
    ['a deleted alert', shapes.deletedAlert, { ...alert, status: 'DELETED' }, true],
    ['a deleted alert without its status', shapes.deletedAlert, alert, false],
    ['a deleted alert whose status is a number', shapes.deletedAlert, { ...alert, status: 0 }, false],
    ['a status without an alert', shapes.deletedAlert, { status: 'DELETED' }, false],
  ])('%s', (_name, check, value, expected) => {
    expect(check(value)).toBe(expected);
  });
});

describe('a body of the wrong shape is an unexpected answer that says what came and what belongs', () => {
  const spec: RequestSpec = { method: 'GET', path: '/customers/acme-1' };
  const result = (body: unknown): HttpResult<unknown> => ({
    status: 200,
    headers: {},
    body,
    requestId: 'req-42',
    attempts: 1,
    earlierAttemptMayHaveLanded: false,
  });

  it('passes a body of the right shape through as it is', () => {
    const given = result(customer);
    expect(checkShape(given, spec, shapes.customer)).toBe(given);
  });

  // shapes.ts:59 (the check turned true), 62 (the message emptied), 63 (the request id dropped)
  it('refuses a wrong body with exit 1, the status, the body in words, what belongs and the request id', () => {
    const error = (() => {
      try {
        checkShape(result([1, 2, 3]), spec, shapes.customer, 'https://api.test/raas/v2/customers/acme-1');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect(error).toMatchObject({
      exitCode: ExitCode.error,
      message:
        'Unexpected answer from the server: GET https://api.test/raas/v2/customers/acme-1 answered 200 with a list of 3 where a customer belongs',
      requestId: 'req-42',
      facts: { kind: 'wrong-shape', status: 200, expected: 'a customer' },
    });
  });

  // shapes.ts:45 to 52 (each check's words emptied): the words end the message a user reads
  it.each([
    ['customer', 'a customer'],
    ['account', 'an account'],
    ['customers', 'a list of customers'],
    ['accounts', 'a list of accounts'],
    ['alert', 'a low-balance alert'],
    ['alerts', 'a page of low-balance alerts'],
    ['deletedAlert', 'a deleted alert'],
  ] as const)('shapes.%s names what belongs: "%s"', (name, words) => {
    expect(() => checkShape<unknown>(result(null), spec, shapes[name])).toThrow(
      `GET /customers/acme-1 answered 200 with null where ${words} belongs`,
    );
  });

  // describeValue (shapes.ts:69 to 72, covered by no unit test): each kind of body in a few words
  it.each<[unknown, string]>([
    [undefined, 'an empty body'],
    [null, 'null'],
    [[], 'a list of 0'],
    [[{}, {}], 'a list of 2'],
    [{}, 'an object without the expected fields'],
    [{ customerIdentifier: 7 }, 'an object without the expected fields'],
    [42, '42'],
    ['acme', '"acme"'],
    [true, 'true'],
  ])('describes %j as "%s"', (value, words) => {
    expect(describeValue(value)).toBe(words);
  });
});
