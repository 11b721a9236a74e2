/**
 * `tango alerts list|get|create|update|delete` end to end: the built bin against the emulator, as
 * a script runs it (no terminal). Each write is checked by reading the emulator, not the CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LowBalanceAlert, LowBalanceAlertList } from '../../src/domain/alerts.js';
import { uniqueId } from '../support/emulator-client.js';
import { json, tableRows, useTangoWithEmulator } from '../support/tango-emulator.js';

const draws: number[] = []; // the emulator's fault draws: 0 makes the next request meet the fault
const h = useTangoWithEmulator({ random: () => draws.shift() ?? 0.999 });
// These tests read the success lines, notes and page hints a terminal shows; TANGO_QUIET=0 asks for
// them here, where stderr is not a terminal (without it a run is quiet, as under cron).
const tango: typeof h.tango = (args, options = {}) =>
  h.tango(args, { ...options, env: { TANGO_QUIET: '0', ...options.env } });
const MISSING = '00000000-0000-4000-8000-000000000000';

const customer = uniqueId('alerts-co');
let account: string; // fresh alerts per test: see newAccount()
let paged: string; // an account with 23 alerts, for paging and filters
let pagedAlerts: LowBalanceAlert[];

async function newAccount(): Promise<string> {
  const id = uniqueId('alerts');
  const created = await h.client().post(`/customers/${customer}/accounts`, {
    accountIdentifier: id,
    displayName: `Account ${id}`,
    contactEmail: `${id}@example.com`,
    currencyCode: 'EUR',
  });
  expect(created.status).toBe(201);
  return id;
}

const alertsPath = (acct: string) => `/customers/${customer}/accounts/${acct}/lowbalance`;

/** What the emulator holds for the account, every page. */
async function stored(acct: string): Promise<LowBalanceAlert[]> {
  return (await h.client().get<Required<LowBalanceAlertList>>(alertsPath(acct), { elementsPerBlock: 200 })).body
    .lowBalanceAlerts;
}

async function seedAlert(acct: string, name: string, threshold = 500, emails = ['ops@acme.example']) {
  const answer = await h.client().post<LowBalanceAlert>(alertsPath(acct), {
    balanceAlertDisplayName: name,
    balanceAlertThreshold: threshold,
    balanceAlertNotification: emails.map((emailAddress) => ({ emailAddress })),
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

beforeAll(async () => {
  expect((await h.client().post('/customers', { customerIdentifier: customer, displayName: 'Alerts Co' })).status).toBe(
    201,
  );
  account = await newAccount();
  paged = await newAccount();
  pagedAlerts = [];
  for (let i = 0; i < 23; i += 1) {
    const emails = i % 3 === 0 ? ['finance@acme.example'] : [`team${i}@acme.example`];
    pagedAlerts.push(
      await seedAlert(paged, `${i % 2 ? 'Odd' : 'Even'} alert ${i}`, i % 5 === 0 ? 1000 : 100 + i, emails),
    );
  }
});

const names = (alerts: LowBalanceAlert[]) => alerts.map((a) => a.balanceAlertDisplayName);

/** Runs `args` with the first request's answer lost after the emulator applied it. */
async function withFirstAnswerLost(args: string[]) {
  h.emulator().setFaults({ dropRate: 0.5, dropMode: 'after' });
  draws.push(0);
  try {
    return await tango(args);
  } finally {
    h.emulator().setFaults({ dropRate: 0 });
    draws.length = 0;
  }
}

describe('lost answers', () => {
  it('create: the retry meets 409, the alert of that name is the one sent: created once, exit 0', async () => {
    const acct = await newAccount();
    const args = ['alerts', 'create', customer, acct, '--display-name', 'Lost answer', '--threshold', '42'];
    const result = await withFirstAnswerLost([...args, '--email', 'a@acme.example', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('The first answer was lost');
    const [only, ...more] = await stored(acct);
    expect(more).toEqual([]);
    expect(JSON.parse(result.stdout)).toEqual(only);
  });

  it('delete: the retry meets 404 after the first attempt landed: deleted, exit 0', async () => {
    const acct = await newAccount();
    const alert = await seedAlert(acct, 'Deleted once');
    const result = await withFirstAnswerLost([
      'alerts',
      'delete',
      customer,
      acct,
      alert.balanceAlertID,
      '--yes',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('it was deleted by the first attempt');
    expect(JSON.parse(result.stdout)).toEqual({ balanceAlertID: alert.balanceAlertID, status: 'DELETED' });
    expect(await stored(acct)).toEqual([]);
  });
});

describe('tango alerts create', () => {
  it('creates the alert from flags and prints it; the emulator holds it', async () => {
    const acct = await newAccount();
    const args = ['alerts', 'create', customer, acct, '--display-name', 'Main budget low', '--threshold', '500.50'];
    const result = await tango([...args, '--email', 'ops@acme.example', '--email', 'cfo@acme.example', '--json']);
    const alert = json<LowBalanceAlert>(result);
    // --json: stderr is read as JSON, the success line (TANGO_QUIET=0 here) an info object.
    const [said] = result.stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).info.message);
    expect(said).toContain('Created alert "Main budget low" on account');
    expect(await stored(acct)).toEqual([alert]);
    expect(alert).toMatchObject({
      balanceAlertDisplayName: 'Main budget low',
      balanceAlertThreshold: 500.5,
      balanceAlertNotification: [{ emailAddress: 'ops@acme.example' }, { emailAddress: 'cfo@acme.example' }],
    });
  });

  it('a piped table shows the API values: the threshold as a plain number', async () => {
    const acct = await newAccount();
    const result = await tango([
      'alerts',
      'create',
      customer,
      acct,
      '--display-name',
      'Plain table',
      '--threshold',
      '75',
      '--email',
      'a@acme.example',
    ]);
    expect(result.code).toBe(0);
    const rows = Object.fromEntries(tableRows(result.stdout).map(([key, value]) => [key, value]));
    expect(rows).toMatchObject({
      balanceAlertDisplayName: 'Plain table',
      balanceAlertThreshold: '75',
      balanceAlertNotification: 'a@acme.example',
    });
  });

  it('refuses a bad threshold, bad or repeated emails, a bad name, before sending anything (exit 2)', async () => {
    const acct = await newAccount();
    const before = h.requestCount();
    const base = ['alerts', 'create', customer, acct, '--display-name', 'Bad values'];
    for (const threshold of ['0', '-5', '12.345', '1e3', 'lots']) {
      const result = await tango([...base, '--threshold', threshold, '--email', 'a@acme.example']);
      expect(result.code, threshold).toBe(2);
      expect(result.stderr).toContain("'--threshold <amount>' argument");
      expect(result.stderr).toContain('at most two decimals');
    }
    const badEmail = await tango([...base, '--threshold', '5', '--email', 'not-an-email']);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain("'--email <address>' argument 'not-an-email' is invalid");
    const twice = await tango([...base, '--threshold', '5', '--email', 'a@acme.example', '--email', 'A@acme.example']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--email "A@acme.example": appears more than once');
    const shortName = await tango([
      'alerts',
      'create',
      customer,
      acct,
      '--display-name',
      'Low',
      '--threshold',
      '5',
      '--email',
      'a@acme.example',
    ]);
    expect(shortName.code).toBe(2);
    expect(shortName.stderr).toContain('--display-name "Low": must be 5-100 characters');
    expect(h.requestCount()).toBe(before);
    expect(await stored(acct)).toEqual([]);
  });

  it('without a terminal, missing values are named as flags (exit 2), nothing sent', async () => {
    const before = h.requestCount();
    const result = await tango(['alerts', 'create', customer, account, '--threshold', '5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing values for --display-name, --email');
    expect(h.requestCount()).toBe(before);
  });

  it('a second alert of the same name (any case) is a conflict (exit 5); nothing is added', async () => {
    const acct = await newAccount();
    await seedAlert(acct, 'Taken name');
    const result = await tango([
      'alerts',
      'create',
      customer,
      acct,
      '--display-name',
      'TAKEN name',
      '--threshold',
      '9',
      '--email',
      'a@acme.example',
    ]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('the account already has an alert of this name');
    expect(result.stderr).toContain('--if-not-exists');
    expect(await stored(acct)).toHaveLength(1);
  });

  it('--if-not-exists: the same name and threshold is success with the existing alert, never a second one', async () => {
    const acct = await newAccount();
    const existing = await seedAlert(acct, 'Idempotent', 250, ['ops@acme.example']);
    const args = [
      'alerts',
      'create',
      customer,
      acct,
      '--display-name',
      'Idempotent',
      '--threshold',
      '250',
      '--if-not-exists',
      '--json',
    ];
    const same = await tango([...args, '--email', 'ops@acme.example']);
    expect(json(same)).toEqual(existing);
    expect(same.stderr).toContain('already exists with the same values');
    const otherEmails = await tango([...args, '--email', 'someone@acme.example']);
    expect(json(otherEmails)).toEqual(existing);
    expect(otherEmails.stderr).toContain("the existing alert's emails differ from those given: ops@acme.example");
    const otherThreshold = await tango([...args.slice(0, 7), '300', '--if-not-exists', '--email', 'ops@acme.example']);
    expect(otherThreshold.code).toBe(5);
    expect(otherThreshold.stderr).toContain('balanceAlertThreshold: existing 250, requested 300');
    expect(await stored(acct)).toEqual([existing]);
  });

  it('--dry-run prints the POST and sends nothing', async () => {
    const before = h.requestCount();
    const result = await tango([
      'alerts',
      'create',
      customer,
      account,
      '--display-name',
      'Dry run',
      '--threshold',
      '5',
      '--email',
      'a@acme.example',
      '--dry-run',
      '--json',
    ]);
    expect(json(result)).toMatchObject({
      method: 'POST',
      url: `${h.emulator().baseUrl}${alertsPath(account)}`,
      headers: { authorization: '<redacted>' },
      body: {
        balanceAlertDisplayName: 'Dry run',
        balanceAlertThreshold: 5,
        balanceAlertNotification: [{ emailAddress: 'a@acme.example' }],
      },
    });
    expect(h.requestCount()).toBe(before);
  });

  it('an unknown customer or account is exit 3, naming which', async () => {
    const flags = ['--display-name', 'Nowhere alert', '--threshold', '5', '--email', 'a@acme.example'];
    const noCustomer = await tango(['alerts', 'create', 'nosuch-customer', account, ...flags]);
    expect(noCustomer.code).toBe(3);
    expect(noCustomer.stderr).toContain('customer nosuch-customer not found');
    const noAccount = await tango(['alerts', 'create', customer, 'nosuch-account', ...flags]);
    expect(noAccount.code).toBe(3);
    expect(noAccount.stderr).toContain('account nosuch-account not found');
  });
});

describe('tango alerts list', () => {
  it("--json prints the API's {page, lowBalanceAlerts} unchanged", async () => {
    const result = await tango(['alerts', 'list', customer, paged, '--json']);
    expect(json(result)).toEqual({
      page: { size: 10, totalElements: 23, totalPages: 3, number: 0 },
      lowBalanceAlerts: pagedAlerts.slice(0, 10),
    });
  });

  it('a piped table: id, name, threshold, emails, created; the next page named on stderr', async () => {
    const result = await tango(['alerts', 'list', customer, paged]);
    expect(result.code).toBe(0);
    const [header, ...rows] = tableRows(result.stdout);
    expect(header).toEqual([
      'balanceAlertID',
      'balanceAlertDisplayName',
      'balanceAlertThreshold',
      'balanceAlertNotification',
      'createdAt',
    ]);
    const first = pagedAlerts[0]!;
    expect(rows[0]).toEqual([
      first.balanceAlertID,
      first.balanceAlertDisplayName,
      '1000',
      'finance@acme.example',
      first.createdAt,
    ]);
    expect(rows).toHaveLength(10);
    expect(result.stderr).toContain('Next page: --page 1');
  });

  it('--page and --per-page walk forwards through more than 3 pages, the first page being 0', async () => {
    const seen: LowBalanceAlert[] = [];
    for (let page = 0; page < 5; page += 1) {
      const body = json<Required<LowBalanceAlertList>>(
        await tango(['alerts', 'list', customer, paged, '--page', String(page), '--per-page', '5', '--json']),
      );
      expect(body.page).toEqual({ size: 5, totalElements: 23, totalPages: 5, number: page });
      seen.push(...body.lowBalanceAlerts);
    }
    expect(seen).toEqual(pagedAlerts);
    const beyond = await tango(['alerts', 'list', customer, paged, '--page', '5', '--per-page', '5']);
    expect(tableRows(beyond.stdout)).toHaveLength(1);
    expect(beyond.stderr).not.toContain('Next page');
  });

  it('--all walks every page from 0 and prints one array; ndjson streams one alert a line', async () => {
    const before = h.requestCount();
    expect(json(await tango(['alerts', 'list', customer, paged, '--all', '--per-page', '4', '--json']))).toEqual(
      pagedAlerts,
    );
    expect(h.requestCount() - before).toBe(6); // 23 alerts, 4 a page
    const ndjson = await tango(['alerts', 'list', customer, paged, '--all', '-o', 'ndjson']);
    expect(
      ndjson.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(pagedAlerts);
  });

  it('--limit stops after n alerts across pages', async () => {
    const result = await tango(['alerts', 'list', customer, paged, '--limit', '7', '--per-page', '3', '--json']);
    expect(json(result)).toEqual(pagedAlerts.slice(0, 7));
  });

  it('--all with --page is a usage error', async () => {
    const result = await tango(['alerts', 'list', customer, paged, '--all', '--page', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--all.*cannot be used with.*--page/);
  });

  it('--display-name matches a substring ignoring case', async () => {
    const listed = json<LowBalanceAlert[]>(
      await tango(['alerts', 'list', customer, paged, '--display-name', 'odd ALERT', '--all', '--json']),
    );
    expect(names(listed)).toEqual(names(pagedAlerts.filter((a) => a.balanceAlertDisplayName.startsWith('Odd'))));
  });

  it('--threshold matches exactly', async () => {
    const listed = json<LowBalanceAlert[]>(
      await tango(['alerts', 'list', customer, paged, '--threshold', '1000', '--all', '--json']),
    );
    const expected = pagedAlerts.filter((a) => a.balanceAlertThreshold === 1000);
    expect(expected.length).toBeGreaterThan(1);
    expect(listed).toEqual(expected);
  });

  it('--email (repeatable) keeps alerts sent to any of the addresses', async () => {
    const one = json<LowBalanceAlert[]>(
      await tango(['alerts', 'list', customer, paged, '--email', 'FINANCE@acme.example', '--all', '--json']),
    );
    expect(one).toEqual(
      pagedAlerts.filter((a) => a.balanceAlertNotification[0]!.emailAddress === 'finance@acme.example'),
    );
    const two = json<LowBalanceAlert[]>(
      await tango([
        'alerts',
        'list',
        customer,
        paged,
        '--email',
        'finance@acme.example',
        '--email',
        'team1@acme.example',
        '--all',
        '--json',
      ]),
    );
    expect(two).toEqual(
      pagedAlerts.filter((a) =>
        ['finance@acme.example', 'team1@acme.example'].includes(a.balanceAlertNotification[0]!.emailAddress),
      ),
    );
  });

  it('sends --email in the bound form balanceAlertNotification[i].emailAddress', async () => {
    const result = await tango([
      'alerts',
      'list',
      customer,
      paged,
      '--email',
      'a@acme.example',
      '--email',
      'b@acme.example',
      '-v',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `balanceAlertNotification%5B0%5D.emailAddress=a%40acme.example&balanceAlertNotification%5B1%5D.emailAddress=b%40acme.example`,
    );
  });

  it('filters together, on an account without alerts: an empty list is exit 0', async () => {
    const acct = await newAccount();
    expect(json(await tango(['alerts', 'list', customer, acct, '--all', '--json']))).toEqual([]);
    const table = await tango(['alerts', 'list', customer, acct, '--threshold', '5', '--display-name', 'x']);
    expect(table.code).toBe(0);
    expect(tableRows(table.stdout)).toHaveLength(1);
  });

  it('bad filter values are exit 2 before sending', async () => {
    const before = h.requestCount();
    for (const flags of [
      ['--threshold', '0'],
      ['--email', 'nope'],
      ['--page', '-1'],
      ['--per-page', '201'],
      ['--per-page', '0'],
    ]) {
      const result = await tango(['alerts', 'list', customer, paged, ...flags]);
      expect(result.code, flags.join(' ')).toBe(2);
    }
    expect(h.requestCount()).toBe(before);
  });

  it('an unknown customer or account is exit 3', async () => {
    const noCustomer = await tango(['alerts', 'list', 'nosuch-customer', paged]);
    expect(noCustomer.code).toBe(3);
    expect(noCustomer.stderr).toContain('customer nosuch-customer not found');
    const noAccount = await tango(['alerts', 'list', customer, 'nosuch-account', '--all']);
    expect(noAccount.code).toBe(3);
    expect(noAccount.stderr).toContain('account nosuch-account not found');
  });
});

describe('tango alerts get', () => {
  it("prints the alert; --json is the API's object", async () => {
    const alert = pagedAlerts[4]!;
    expect(json(await tango(['alerts', 'get', customer, paged, alert.balanceAlertID, '--json']))).toEqual(alert);
    const table = await tango(['alerts', 'get', customer, paged, alert.balanceAlertID]);
    expect(tableRows(table.stdout)).toContainEqual(['balanceAlertDisplayName', alert.balanceAlertDisplayName]);
  });

  it('an alert id that is not a UUID is exit 2, nothing sent', async () => {
    const before = h.requestCount();
    const result = await tango(['alerts', 'get', customer, paged, 'not-a-uuid']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must be a UUID');
    expect(h.requestCount()).toBe(before);
  });

  it('an unknown alert, or one of another account, is exit 3 naming the alert', async () => {
    const unknown = await tango(['alerts', 'get', customer, paged, MISSING]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(`alert ${MISSING} on account ${paged} not found`);
    const elsewhere = await tango(['alerts', 'get', customer, account, pagedAlerts[0]!.balanceAlertID]);
    expect(elsewhere.code).toBe(3);
    const noCustomer = await tango(['alerts', 'get', 'nosuch-customer', paged, MISSING]);
    expect(noCustomer.code).toBe(3);
    expect(noCustomer.stderr).toContain('customer nosuch-customer not found');
  });
});

describe('tango alerts update', () => {
  it('sends only the fields given; --email replaces the list, --clear-emails empties it', async () => {
    const acct = await newAccount();
    const alert = await seedAlert(acct, 'To be updated', 100, ['old@acme.example']);
    const id = alert.balanceAlertID;
    const threshold = json<LowBalanceAlert>(
      await tango(['alerts', 'update', customer, acct, id, '--threshold', '99.99', '--json']),
    );
    expect(threshold).toEqual({ ...alert, balanceAlertThreshold: 99.99 });
    const emails = await tango([
      'alerts',
      'update',
      customer,
      acct,
      id,
      '--email',
      'a@acme.example',
      '--email',
      'b@acme.example',
      '--display-name',
      'Renamed alert',
      '--json',
    ]);
    expect(json(emails)).toMatchObject({
      balanceAlertDisplayName: 'Renamed alert',
      balanceAlertThreshold: 99.99,
      balanceAlertNotification: [{ emailAddress: 'a@acme.example' }, { emailAddress: 'b@acme.example' }],
    });
    expect(emails.stderr).toContain('balanceAlertDisplayName, balanceAlertNotification');
    expect((await tango(['alerts', 'update', customer, acct, id, '--clear-emails'])).code).toBe(0);
    expect(await stored(acct)).toEqual([
      {
        ...alert,
        balanceAlertDisplayName: 'Renamed alert',
        balanceAlertThreshold: 99.99,
        balanceAlertNotification: [],
      },
    ]);
  });

  it('nothing given is exit 2; --email with --clear-emails is exit 2; bad values exit 2, nothing sent', async () => {
    const id = pagedAlerts[0]!.balanceAlertID;
    const before = h.requestCount();
    const nothing = await tango(['alerts', 'update', customer, paged, id]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to update');
    expect(
      (await tango(['alerts', 'update', customer, paged, id, '--email', 'a@acme.example', '--clear-emails'])).code,
    ).toBe(2);
    expect((await tango(['alerts', 'update', customer, paged, id, '--threshold', '1.001'])).code).toBe(2);
    expect((await tango(['alerts', 'update', customer, paged, 'nope', '--threshold', '1'])).code).toBe(2);
    expect(h.requestCount()).toBe(before);
    expect(await stored(paged)).toEqual(pagedAlerts);
  });

  it('--dry-run prints the PATCH with only the given fields', async () => {
    const id = pagedAlerts[0]!.balanceAlertID;
    const result = await tango(['alerts', 'update', customer, paged, id, '--clear-emails', '--dry-run', '--json']);
    expect(json(result)).toMatchObject({ method: 'PATCH', body: { balanceAlertNotification: [] } });
    expect(await stored(paged)).toEqual(pagedAlerts);
  });

  it('a rename onto another alert of the account is exit 5; an unknown alert exit 3', async () => {
    const acct = await newAccount();
    await seedAlert(acct, 'First alert');
    const second = await seedAlert(acct, 'Second alert');
    const clash = await tango([
      'alerts',
      'update',
      customer,
      acct,
      second.balanceAlertID,
      '--display-name',
      'first ALERT',
    ]);
    expect(clash.code).toBe(5);
    expect(clash.stderr).toContain('already has another alert named "first ALERT"');
    const unknown = await tango(['alerts', 'update', customer, acct, MISSING, '--threshold', '5']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(`alert ${MISSING} on account ${acct} not found`);
    expect(names(await stored(acct))).toEqual(['First alert', 'Second alert']);
  });
});

describe('tango alerts delete', () => {
  it('without a terminal and without --yes it refuses (exit 2) and deletes nothing', async () => {
    const acct = await newAccount();
    const alert = await seedAlert(acct, 'Not without yes');
    const before = h.requestCount();
    const result = await tango(['alerts', 'delete', customer, acct, alert.balanceAlertID]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pass --yes');
    expect(h.requestCount()).toBe(before);
    expect(await stored(acct)).toEqual([alert]);
  });

  it("--yes deletes and prints the API's {balanceAlertID, status}; the alert is gone", async () => {
    const acct = await newAccount();
    const keep = await seedAlert(acct, 'Kept alert');
    const alert = await seedAlert(acct, 'Deleted alert');
    const result = await tango(['alerts', 'delete', customer, acct, alert.balanceAlertID, '--yes', '--json']);
    expect(json(result)).toEqual({ balanceAlertID: alert.balanceAlertID, status: 'DELETED' });
    expect(await stored(acct)).toEqual([keep]);
    const again = await tango(['alerts', 'delete', customer, acct, alert.balanceAlertID, '--yes']);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(`alert ${alert.balanceAlertID} on account ${acct} not found`);
  });

  it('a bad UUID is exit 2; an unknown account exit 3', async () => {
    expect((await tango(['alerts', 'delete', customer, paged, '12345', '--yes'])).code).toBe(2);
    const noAccount = await tango(['alerts', 'delete', customer, 'nosuch-account', MISSING, '--yes']);
    expect(noAccount.code).toBe(3);
    expect(noAccount.stderr).toContain('account nosuch-account');
    expect(await stored(paged)).toEqual(pagedAlerts);
  });
});
