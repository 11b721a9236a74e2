import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../src/api/http.js';
import type { TangoApi } from '../../src/api/tango.js';
import { ApiError, type CliError, InterruptedError } from '../../src/errors.js';
import { applyPlan } from '../../src/wizard/apply.js';
import type { OnboardingPlan } from '../../src/wizard/plan.js';

const PLAN: OnboardingPlan = {
  customer: { customerIdentifier: 'zhg', displayName: 'Zanzibar Health Group', existing: false },
  accounts: ['alpha', 'bravo', 'charlie'].map((name) => ({
    accountIdentifier: `zhg-${name}`,
    displayName: `Account ${name}`,
    contactEmail: 'ops@zhg.example',
    currencyCode: 'USD' as const,
  })),
};

/** An API that answers POSTs in order from a script: a resource, or an error to throw. */
function scriptedApi(answers: Array<unknown | Error>, onSend: () => void = () => {}): TangoApi & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    send: async (spec: RequestSpec) => {
      sent.push(`${spec.method} ${spec.path}`);
      onSend();
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return { status: 201, body: answer ?? spec.body, attempts: 1 };
    },
  } as unknown as TangoApi & { sent: string[] };
}

function progressLog(): { lines: string[]; progress: (line: string) => void } {
  const lines: string[] = [];
  return { lines, progress: (line) => lines.push(line) };
}

async function failure(run: Promise<unknown>): Promise<CliError> {
  try {
    await run;
  } catch (error) {
    return error as CliError;
  }
  throw new Error('expected the run to fail');
}

describe('applyPlan', () => {
  it('creates the customer, then each account, in order, with a line of progress each', async () => {
    const api = scriptedApi([]);
    const log = progressLog();

    const results = await applyPlan(api, PLAN, log);

    expect(api.sent).toEqual([
      'POST /customers',
      'POST /customers/zhg/accounts',
      'POST /customers/zhg/accounts',
      'POST /customers/zhg/accounts',
    ]);
    expect(results.map((r) => `${r.kind} ${r.identifier} ${r.outcome}`)).toEqual([
      'customer zhg created',
      'account zhg-alpha created',
      'account zhg-bravo created',
      'account zhg-charlie created',
    ]);
    expect(log.lines.filter((l) => l.includes('✔'))).toHaveLength(4);
  });

  it('stops at the first failure with its exit code, listing what was and was not created', async () => {
    const refused = new ApiError({
      status: 400,
      method: 'POST',
      url: '/customers/zhg/accounts',
      body: { message: 'Bad request', requestId: 'req-42' },
    });
    const api = scriptedApi([undefined, undefined, refused]);

    const error = await failure(applyPlan(api, PLAN, progressLog()));

    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('Onboarding stopped at account zhg-bravo: Bad request');
    expect(error.requestId).toBe('req-42');
    expect(error.details).toEqual([
      'Created: customer zhg, account zhg-alpha',
      'Not created: account zhg-bravo, account zhg-charlie',
    ]);
    expect(error.hint).toContain('creates only what is missing');
    expect(api.sent).toHaveLength(3);
  });

  it('after Ctrl-C, finishes the step under way, then stops before the next', async () => {
    const interrupt = new AbortController();
    let posts = 0;
    const api = scriptedApi([], () => {
      posts += 1;
      if (posts === 2) interrupt.abort(); // Ctrl-C while the first account is being created
    });

    const error = await failure(applyPlan(api, PLAN, { ...progressLog(), signal: interrupt.signal }));

    expect(error).toBeInstanceOf(InterruptedError);
    expect(error.exitCode).toBe(130);
    expect(error.message).toBe('Interrupted before account zhg-bravo.');
    expect(error.details).toEqual([
      'Created: customer zhg, account zhg-alpha',
      'Not created: account zhg-bravo, account zhg-charlie',
    ]);
  });

  it('a request cut off in flight is reported as unknown, not as created or not', async () => {
    const api = scriptedApi([undefined, new InterruptedError('Interrupted; the request in flight was abandoned.')]);

    const error = await failure(applyPlan(api, PLAN, progressLog()));

    expect(error.message).toBe('Interrupted at account zhg-alpha.');
    expect(error.details).toEqual([
      'Created: customer zhg',
      'Unknown (the request was in flight): account zhg-alpha',
      'Not created: account zhg-bravo, account zhg-charlie',
    ]);
  });
});
