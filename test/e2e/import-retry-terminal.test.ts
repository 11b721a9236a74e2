/**
 * An import's progress bar and the retry status in a real terminal (tmux): they share one line.
 * The server answers the row's create with 429 and Retry-After: 3 once, so the wait is on screen
 * for three seconds and the test reads it without a race: the message stands beside the bar, on the
 * bar's own line, and once the row is created neither is left behind.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { account } from '../support/hostile-server.js';
import { baseEnv, tempConfigDir } from '../support/tango.js';
import { Terminal } from '../support/terminal.js';
import { shouldRun } from '../support/tools.js';

let server: Server;
let baseUrl: string;
let creates = 0;
let config: { dir: string; cleanup: () => void };

beforeAll(async () => {
  // acme-co has no accounts; its first create is refused with 429 (Retry-After: 3), the second made.
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const answer = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(value));
      };
      if (request.method === 'GET' && request.url === '/raas/v2/customers/acme-co')
        return answer(200, { customerIdentifier: 'acme-co', displayName: 'Acme Co', accounts: [] });
      if (request.method === 'POST' && request.url === '/raas/v2/customers/acme-co/accounts') {
        creates += 1;
        if (creates === 1) return answer(429, { httpCode: 429, message: 'Too Many Requests' }, { 'retry-after': '3' });
        const sent = JSON.parse(body) as { accountIdentifier: string; displayName: string };
        return answer(201, account(sent.accountIdentifier, sent.displayName));
      }
      answer(404, { httpCode: 404, message: 'Not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/raas/v2`;
  config = tempConfigDir();
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  config.cleanup();
});

describe.runIf(shouldRun('tmux', 'The import retry terminal test'))('accounts import at a terminal', () => {
  let terminal: Terminal | undefined;
  afterEach(() => {
    terminal?.close();
    terminal = undefined;
  });

  it('the retry status stands beside the progress bar on one line, and neither is left when done', async () => {
    const csv = `${config.dir}/accounts.csv`;
    writeFileSync(csv, 'identifier,displayName,contactEmail\nacme-one,Acme One,one@acme.example\n');
    terminal = Terminal.start(['accounts', 'import', 'acme-co', '--file', csv, '--rate', '0'], {
      env: {
        ...baseEnv(config.dir),
        TANGO_BASE_URL: baseUrl,
        TANGO_PLATFORM_NAME: 'acme',
        TANGO_PLATFORM_KEY: 'acme-key',
        // The wait is the server's 3 s and a jitter of at most a millisecond: the line says "3 s".
        TANGO_RETRY_BASE_MS: '1',
      },
      width: 160,
    });

    const during = await terminal.waitFor(/\] 0\/1 .*429 from Tango/, 20_000);
    const line = during.split('\n').find((row) => row.includes('429 from Tango'))!;
    expect(line).toMatch(
      /^\[-{24}\] 0\/1 created 0, existed 0, conflict 0, failed 0 · 0\.0 rows\/s · ETA - {2}429 from Tango, retrying in 3 s \(attempt 2 of 5\)\s*$/,
    );

    expect(await terminal.exitCode(20_000)).toBe(0);
    const screen = terminal.screen();
    expect(screen).not.toContain('retrying');
    expect(screen).not.toContain('[---');
    expect(creates).toBe(2);
  });
});
