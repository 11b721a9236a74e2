/** TangoApi.pages, the cursor walk behind --all, against MockAgent. */
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../../src/api/auth.js';
import { HttpClient } from '../../src/api/http.js';
import { Pacer } from '../../src/api/pacer.js';
import { TangoApi } from '../../src/api/tango.js';
import { UnexpectedAnswerError } from '../../src/errors.js';

const ORIGIN = 'https://api.test';
let agent: MockAgent;
let api: TangoApi;
let paths: string[];

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  paths = [];
  api = new TangoApi(new HttpClient({ baseUrl: `${ORIGIN}/raas/v2`, auth: basicAuth('a', 'b'), dispatcher: agent }));
});

afterEach(async () => {
  agent.assertNoPendingInterceptors();
  await agent.close();
});

function page(items: string[], nextCursor?: string) {
  return {
    numberOfElements: items.length,
    maxResults: 2,
    items: items.map((accountIdentifier) => ({ accountIdentifier })),
    nextCursor,
    nextPageAvailable: nextCursor !== undefined,
    prevPageAvailable: false,
  };
}

function answer(body: unknown): void {
  agent
    .get(ORIGIN)
    .intercept({ method: 'GET', path: (path) => path.startsWith('/raas/v2/') })
    .reply((options) => {
      paths.push(options.path);
      return { statusCode: 200, data: JSON.stringify(body) };
    });
}

async function walk(limit?: number): Promise<string[][]> {
  const seen: string[][] = [];
  for await (const p of api.accountPages('acme-co', { status: 'ACTIVE' }, { maxResults: 2, limit })) {
    seen.push(p.items.map((a) => a.accountIdentifier));
  }
  return seen;
}

describe('pages', () => {
  it('follows nextCursor to the last page, keeping the filters and page size on every request', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3', 'a4'], 'c2'));
    answer(page(['a5']));
    expect(await walk()).toEqual([['a1', 'a2'], ['a3', 'a4'], ['a5']]);
    expect(paths).toEqual([
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=2',
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=2&nextCursor=c1',
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=2&nextCursor=c2',
    ]);
  });

  it('asks for the next page while the caller is still printing this one, and never for one past the last', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3']));
    const asked: number[] = [];
    for await (const _ of api.accountPages('acme-co', {}, { maxResults: 2 })) {
      // The caller is busy with this page (writing it out) for a while: the next answer arrives meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 50));
      asked.push(paths.length);
    }
    expect(asked).toEqual([2, 2]);
  });

  it('has sent the next page before a caller that prints synchronously (a file, a pipe) gets this one', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3', 'a4'], 'c2'));
    answer(page(['a5']));
    // As the command builds it: with the process's pacer, whose turn is a few promises away.
    const paced = new TangoApi(
      new HttpClient({
        baseUrl: `${ORIGIN}/raas/v2`,
        auth: basicAuth('a', 'b'),
        dispatcher: agent,
        pacer: new Pacer(),
      }),
    );
    const asked: number[] = [];
    // No await in the loop: writing to a file or a pipe blocks, so the request must already be out.
    for await (const _ of paced.accountPages('acme-co', {}, { maxResults: 2 })) asked.push(paths.length);
    expect(asked).toEqual([2, 3, 3]);
  });

  it('a failure of the page asked for ahead comes after the pages before it, as the walk reaches it', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    agent
      .get(ORIGIN)
      .intercept({ method: 'GET', path: (path) => path.includes('nextCursor=c1') })
      .reply(404, { httpCode: 404, message: 'gone' });
    const seen: string[][] = [];
    const error = await (async () => {
      for await (const p of api.accountPages('acme-co', {}, { maxResults: 2 })) {
        seen.push(p.items.map((a) => a.accountIdentifier));
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual([['a1', 'a2']]);
    expect((error as { status?: number }).status).toBe(404);
  });

  it('stops with an error naming the page when a server repeats a cursor, instead of looping or ending quietly', async () => {
    answer(page(['a1'], 'c1'));
    answer(page(['a2'], 'c2'));
    answer(page(['a3'], 'c1'));
    const seen: string[][] = [];
    const error = await (async () => {
      for await (const p of api.accountPages('acme-co', {}, { maxResults: 2 }))
        seen.push(p.items.map((a) => a.accountIdentifier));
    })().catch((e: unknown) => e);
    expect(seen).toEqual([['a1'], ['a2'], ['a3']]);
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect((error as UnexpectedAnswerError).facts.kind).toBe('repeated-cursor');
    expect((error as Error).message).toContain('gave, on page 3, a next cursor it had already given');
  });

  it('stops with an error after the page bound when a server keeps minting new cursors', async () => {
    const bounded = new TangoApi(api.http, 3);
    for (let n = 1; n <= 3; n++) answer(page([`a${n}`], `fresh-${n}`));
    const error = await (async () => {
      for await (const _ of bounded.accountPages('acme-co')) void _;
    })().catch((e: unknown) => e);
    expect((error as UnexpectedAnswerError).facts).toMatchObject({ kind: 'too-many-pages', limit: 3 });
    expect((error as Error).message).toContain('still had a next page after 3 pages');
  });

  it('a server that ignores paginate and answers an array gives one, final page', async () => {
    answer([{ accountIdentifier: 'a1' }, { accountIdentifier: 'a2' }, { accountIdentifier: 'a3' }]);
    expect(await walk()).toEqual([['a1', 'a2', 'a3']]);
  });

  it('--limit stops after that many items across pages, asking no more than it needs', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3'], 'c2'));
    expect(await walk(3)).toEqual([['a1', 'a2'], ['a3']]);
    // The last request asks for only the one item still wanted; no third page is fetched.
    expect(paths).toEqual([
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=2',
      '/raas/v2/customers/acme-co/accounts?status=ACTIVE&paginate=true&maxResults=1&nextCursor=c1',
    ]);
  });

  it('--limit cuts a page a server made longer than asked, and a whole list answered as an array', async () => {
    answer([{ accountIdentifier: 'a1' }, { accountIdentifier: 'a2' }, { accountIdentifier: 'a3' }]);
    expect(await walk(2)).toEqual([['a1', 'a2']]);
  });

  it('--limit larger than the list ends at the last page', async () => {
    answer(page(['a1', 'a2'], 'c1'));
    answer(page(['a3']));
    expect(await walk(10)).toEqual([['a1', 'a2'], ['a3']]);
  });
});
