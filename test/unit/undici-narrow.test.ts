/**
 * The bundle's undici is scripts/undici/narrow.cjs (Agent and request, taken from undici's internal
 * modules) and client-h2-lazy.cjs (HTTP/2 loaded only if negotiated); scripts/build.mjs aliases them.
 * Internal paths are not undici's promise: an upgrade that moves one fails here, and the build refuses
 * any undici but the exact version pinned in package.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/tango.js';

const require = createRequire(import.meta.url);
const SHIMS = join(REPO_ROOT, 'scripts/undici');
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const installed = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/undici/package.json'), 'utf8'));

/** Every `undici/lib/...` module the shims require. */
function internalPaths(): string[] {
  const paths: string[] = [];
  for (const file of readdirSync(SHIMS).filter((name) => name.endsWith('.cjs'))) {
    const text = readFileSync(join(SHIMS, file), 'utf8');
    for (const match of text.matchAll(/require\('undici\/(lib\/[^']+)'\)/g)) paths.push(match[1]!);
  }
  return paths;
}

describe('the narrowed undici the bundle uses', () => {
  it('is written against the exact undici installed, pinned without a range', () => {
    expect(pkg.devDependencies.undici).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pkg.devDependencies.undici);
    const plugin = readFileSync(join(SHIMS, 'plugin.mjs'), 'utf8');
    expect(plugin).toContain(`UNDICI_VERSION = '${installed.version}'`);
  });

  it('reaches only internal modules that exist in that undici', () => {
    const paths = internalPaths();
    expect(paths).toEqual(
      expect.arrayContaining(['lib/dispatcher/agent.js', 'lib/api/api-request.js', 'lib/dispatcher/client-h2.js']),
    );
    for (const path of paths) expect(existsSync(join(REPO_ROOT, 'node_modules/undici', path)), path).toBe(true);
    // The lazy HTTP/2 stand-in replaces the module undici's client requires by this name.
    expect(readFileSync(join(REPO_ROOT, 'node_modules/undici/lib/dispatcher/client.js'), 'utf8')).toContain(
      "require('./client-h2.js')",
    );
    expect(typeof require('undici/lib/dispatcher/client-h2.js')).toBe('function');
  });

  describe('against a loopback server', () => {
    let server: Server;
    let origin: string;
    const seen: Array<{ method?: string; url?: string; body: string }> = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8').on('data', (chunk) => {
          body += chunk;
        });
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, body });
          res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r-1' }).end('{"ok":true}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('sends a request through its Agent with undici request() semantics', async () => {
      const { Agent, request } = require(join(SHIMS, 'narrow.cjs'));
      const agent = new Agent({ keepAliveTimeout: 1000 });
      try {
        const response = await request(`${origin}/raas/v2/customers?paginate=true`, {
          method: 'POST',
          body: '{"a":1}',
          headers: { 'content-type': 'application/json' },
          dispatcher: agent,
        });
        expect(response.statusCode).toBe(201);
        expect(response.headers['x-request-id']).toBe('r-1');
        expect(await response.body.json()).toEqual({ ok: true });
        expect(seen.at(-1)).toEqual({ method: 'POST', url: '/raas/v2/customers?paginate=true', body: '{"a":1}' });

        // No body and no method: a GET, as undici's own request() decides.
        const get = await request(`${origin}/raas/v2/customers`, { dispatcher: agent });
        await get.body.text();
        expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/raas/v2/customers' });
      } finally {
        await agent.close();
      }
    });

    it("without a dispatcher, sends through undici's global Agent, as undici's own request() does", async () => {
      const { request } = require(join(SHIMS, 'narrow.cjs'));
      const response = await request(`${origin}/oauth/token`, { method: 'POST', body: 'grant_type=password' });
      expect(response.statusCode).toBe(201);
      await response.body.text();
      expect(seen.at(-1)).toEqual({ method: 'POST', url: '/oauth/token', body: 'grant_type=password' });
    });
  });
});
