import { describe, expect, it } from 'vitest';
import { validateCreateAlert, validateUpdateAlert } from '../../src/domain/alerts.js';
import { check } from '../../src/domain/rules.js';

const good = {
  balanceAlertDisplayName: 'Main budget low',
  balanceAlertThreshold: 500,
  balanceAlertNotification: [{ emailAddress: 'ops@acme.example' }],
};
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('alert threshold', () => {
  it.each(['1', '500', '99.5', '99.50', '0.01', '1000000000'])('accepts %s', (value) => {
    expect(check('balanceAlertThreshold', value)).toBeUndefined();
  });

  it.each(['0', '0.00', '-5', '12.345', '1e3', '', 'abc', '1000000000.01', '+5', '5.'])('refuses %j', (value) => {
    expect(check('balanceAlertThreshold', value)).toMatchObject({
      field: 'balanceAlertThreshold',
      message: expect.stringContaining('greater than 0'),
    });
  });

  it('a JSON body must carry a number; a string or an imprecise sum is refused', () => {
    expect(validateCreateAlert({ ...good, balanceAlertThreshold: '500' })).toMatchObject([
      { field: 'balanceAlertThreshold', constraint: 'number' },
    ]);
    expect(fields(validateCreateAlert({ ...good, balanceAlertThreshold: 0.1 + 0.2 }))).toEqual([
      'balanceAlertThreshold',
    ]);
    expect(validateCreateAlert({ ...good, balanceAlertThreshold: 99.5 })).toEqual([]);
  });
});

describe('alert id', () => {
  it('is a UUID, any version, either case', () => {
    expect(check('balanceAlertID', '3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b')).toBeUndefined();
    expect(check('balanceAlertID', '3F2A6C1E-8B7D-4E5F-9A0B-1C2D3E4F5A6B')).toBeUndefined();
    for (const bad of ['3f2a6c1e8b7d4e5f9a0b1c2d3e4f5a6b', 'not-a-uuid', '3f2a6c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6', ' ']) {
      expect(check('balanceAlertID', bad)?.message).toContain('UUID');
    }
  });
});

describe('alert bodies', () => {
  it('a new alert needs a name, a threshold and at least one email', () => {
    expect(validateCreateAlert(good)).toEqual([]);
    expect(fields(validateCreateAlert({}))).toEqual([
      'balanceAlertDisplayName',
      'balanceAlertThreshold',
      'balanceAlertNotification',
    ]);
    expect(fields(validateCreateAlert({ ...good, balanceAlertNotification: [] }))).toEqual([
      'balanceAlertNotification',
    ]);
  });

  it('names follow the display-name rule: 5-100 characters, no emoji', () => {
    expect(fields(validateCreateAlert({ ...good, balanceAlertDisplayName: 'Low' }))).toEqual([
      'balanceAlertDisplayName',
    ]);
    expect(fields(validateCreateAlert({ ...good, balanceAlertDisplayName: 'Low 🚨 balance' }))).toEqual([
      'balanceAlertDisplayName',
    ]);
    expect(validateCreateAlert({ ...good, balanceAlertDisplayName: 'x'.repeat(100) })).toEqual([]);
    expect(fields(validateCreateAlert({ ...good, balanceAlertDisplayName: 'x'.repeat(101) }))).toEqual([
      'balanceAlertDisplayName',
    ]);
  });

  it('emails are checked one by one and may not repeat, ignoring case', () => {
    const problems = validateCreateAlert({
      ...good,
      balanceAlertNotification: [
        { emailAddress: 'a@x.example' },
        { emailAddress: 'nope' },
        { emailAddress: 'A@x.example' },
      ],
    });
    expect(problems).toMatchObject([
      { field: 'balanceAlertNotification[1].emailAddress', invalidValue: 'nope' },
      { field: 'balanceAlertNotification[2].emailAddress', constraint: 'uniqueItems' },
    ]);
  });

  it('an update checks only what it carries, and may clear the emails', () => {
    expect(validateUpdateAlert({})).toEqual([]);
    expect(validateUpdateAlert({ balanceAlertNotification: [] })).toEqual([]);
    expect(validateUpdateAlert({ balanceAlertNotification: null })).toEqual([]);
    expect(fields(validateUpdateAlert({ balanceAlertThreshold: -1, balanceAlertDisplayName: 'ab' }))).toEqual([
      'balanceAlertDisplayName',
      'balanceAlertThreshold',
    ]);
  });
});

// Mutation survivors of src/domain/alerts.ts (npm run mutation): what a refused threshold or an
// empty list says, and alert emails compared in any order.
describe('alert bodies: the words and the comparison', () => {
  it('a threshold that is not a JSON number names the rule and its i18n key (kills the key emptied)', async () => {
    expect(validateCreateAlert({ ...good, balanceAlertThreshold: '500' })).toEqual([
      {
        field: 'balanceAlertThreshold',
        message: 'must be a JSON number, such as 500 or 99.5',
        invalidValue: '500',
        constraint: 'number',
        i18nKey: 'validation.balanceAlertThreshold.type',
      },
    ]);
  });

  it.each([
    ['empty', []],
    ['null', null],
    ['left out', undefined],
  ])('a new alert whose email list is %s is told what one looks like (kills the message emptied)', (_, list) => {
    const problems = validateCreateAlert({ ...good, balanceAlertNotification: list });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['balanceAlertNotification', 'needs at least one {"emailAddress": "..."}'],
    ]);
  });

  it("two alerts' emails are the same list in any order and case (kills the sort dropped)", async () => {
    const { alertEmails } = await import('../../src/domain/alerts.js');
    const one = { balanceAlertNotification: [{ emailAddress: 'b@acme.example' }, { emailAddress: 'A@acme.example' }] };
    const other = {
      balanceAlertNotification: [{ emailAddress: 'a@acme.example' }, { emailAddress: 'B@acme.example' }],
    };

    expect(alertEmails(one)).toEqual(alertEmails(other));
    expect(alertEmails({})).toEqual([]);
  });
});

// Mutation survivor of src/domain/alerts.ts: a null threshold is one left out, never "not a JSON number".
describe('an alert threshold sent as null', () => {
  it('is missing from a new alert, and no change in an update (kills `value === null` turned false)', () => {
    expect(validateCreateAlert({ ...good, balanceAlertThreshold: null })).toEqual([
      {
        field: 'balanceAlertThreshold',
        message: 'is required',
        invalidValue: undefined,
        constraint: 'required',
        i18nKey: 'validation.required',
      },
    ]);
    expect(validateUpdateAlert({ balanceAlertThreshold: null })).toEqual([]);
  });
});
