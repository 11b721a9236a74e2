import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_PATHS, pagingOf } from '../../src/commands/api/paths.js';

type Spec = {
  paths: Record<string, Record<string, { parameters?: Array<{ in?: string; name?: string; $ref?: string }> }>>;
};

const specs = ['spec/raas-v2-swagger.json', 'spec/raas-v2-openapi-customers-accounts.json'].map(
  (file) => JSON.parse(readFileSync(file, 'utf8')) as Spec & Record<string, unknown>,
);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** `/accounts/{identifier}` and `/accounts/{accountIdentifier}` are the same endpoint. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

describe("tango api's documented paths", () => {
  it('are exactly the endpoints of spec/, with their methods', () => {
    const fromSpec = new Map<string, Set<string>>();
    for (const spec of specs) {
      for (const [path, operations] of Object.entries(spec.paths)) {
        const methods = fromSpec.get(shape(path)) ?? new Set<string>();
        for (const method of Object.keys(operations)) if (METHODS.includes(method)) methods.add(method.toUpperCase());
        fromSpec.set(shape(path), methods);
      }
    }
    const listed = new Map(DOCUMENTED_PATHS.map((d) => [shape(d.path), new Set(d.methods)]));
    expect([...listed.keys()].sort()).toEqual([...fromSpec.keys()].sort());
    for (const [path, methods] of fromSpec) expect([...listed.get(path)!].sort(), path).toEqual([...methods].sort());
  });

  it('page the way their GET parameters say: cursors with `paginate`, numbers with `page`', () => {
    for (const spec of specs) {
      const resolve = (p: { $ref?: string; in?: string; name?: string }) =>
        p.$ref
          ? (p.$ref
              .split('/')
              .slice(1)
              .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], spec) as typeof p)
          : p;
      for (const [path, operations] of Object.entries(spec.paths)) {
        const names = (operations.get?.parameters ?? [])
          .map(resolve)
          .filter((p) => p.in === 'query')
          .map((p) => p.name);
        const concrete = path.replace(/\{[^}]+\}/g, 'x');
        if (names.includes('paginate')) expect(pagingOf(concrete), path).toBe('cursor');
        if (names.includes('page')) expect(pagingOf(concrete), path).toBe('page');
      }
    }
  });

  it('an undocumented path pages by cursors', () => {
    expect(pagingOf('/somethingNew')).toBe('cursor');
    expect(pagingOf('/orders')).toBe('page');
    expect(pagingOf('/orders/RA1')).toBe('cursor');
  });
});
