/**
 * Real HTTP against a real emulator on a random loopback port: a started emulator per test file
 * and a small client that returns status, headers and the parsed body.
 */
import { afterAll, beforeAll } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';

// biome-ignore lint/suspicious/noExplicitAny: answers are JSON that the assertions read freely
export type Json = any;

export interface Answer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | Array<string | number>>;
  /** Defaults to the emulator's Basic credentials; `null` sends none. */
  authorization?: string | null;
  headers?: Record<string, string>;
}

export function basicAuth(name: string, key: string): string {
  return `Basic ${Buffer.from(`${name}:${key}`).toString('base64')}`;
}

export class EmulatorClient {
  constructor(readonly emulator: RunningEmulator) {}

  get<T = Json>(path: string, query?: RequestOptions['query']): Promise<Answer<T>> {
    return this.request('GET', path, { query });
  }

  post<T = Json>(path: string, body: unknown): Promise<Answer<T>> {
    return this.request('POST', path, { body });
  }

  patch<T = Json>(path: string, body: unknown): Promise<Answer<T>> {
    return this.request('PATCH', path, { body });
  }

  /** `path` is under the API base (`/customers`), or absolute from the origin when it starts with `//`. */
  async request<T = Json>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const response = await fetch(this.url(path, options.query), {
      method,
      headers: this.headers(options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  url(path: string, query: RequestOptions['query'] = {}): string {
    const base = path.startsWith('//') ? this.emulator.baseUrl.replace(/\/raas\/v2$/, '') : this.emulator.baseUrl;
    const url = new URL(`${base}${path.startsWith('//') ? path.slice(1) : path}`);
    for (const [name, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
    return url.toString();
  }

  private headers(options: RequestOptions): Record<string, string> {
    const { platformName, platformKey } = this.emulator.credentials;
    const authorization =
      options.authorization === undefined ? basicAuth(platformName, platformKey) : options.authorization;
    return {
      ...(authorization === null ? {} : { authorization }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    };
  }
}

/** Starts one emulator for the file's tests (in memory, quiet) and stops it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): { client: () => EmulatorClient } {
  let running: RunningEmulator | undefined;
  let client: EmulatorClient | undefined;
  beforeAll(async () => {
    running = await startEmulator({ random: 1, ...options });
    client = new EmulatorClient(running);
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    client: () => {
      if (!client) throw new Error('the emulator has not started');
      return client;
    },
  };
}

let counter = 0;
/** An identifier no other test of this process uses. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`.toLowerCase();
}

export function newCustomerBody(customerIdentifier = uniqueId('cust')) {
  return { customerIdentifier, displayName: `Customer ${customerIdentifier}` };
}

export function newAccountBody<Extra extends Record<string, unknown> = Record<never, never>>(
  accountIdentifier = uniqueId('acct'),
  extra: Extra = {} as Extra,
) {
  return {
    accountIdentifier,
    displayName: `Account ${accountIdentifier}`,
    contactEmail: `${accountIdentifier}@example.com`,
    ...extra,
  };
}

/** Creates a customer and returns its identifier. */
export async function createCustomer(client: EmulatorClient): Promise<string> {
  const body = newCustomerBody();
  const answer = await client.post('/customers', body);
  if (answer.status !== 201) throw new Error(`could not create a customer: ${JSON.stringify(answer.body)}`);
  return body.customerIdentifier;
}
