// scripts/mutation: which code the static pass mutates, which tests judge it, and how the two
// passes' reports make one score. A wrong range or test list would make `npm run mutation` report
// figures for code it never mutated or tests it never ran.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The scripts are plain JavaScript run by Node itself; their shapes as this test uses them.
type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Location = { start: { line: number; column: number }; end: { line: number; column: number } };
const scripts = join(import.meta.dirname, '../../scripts/mutation');
const { ownTests } = (await import(join(scripts, 'groups.mjs'))) as {
  ownTests(root: string, group: { mutate: string[]; testsOf: string[] }): string[];
};
const { asMutatePattern, isInside, loadTimeRanges } = (await import(join(scripts, 'static-ranges.mjs'))) as {
  asMutatePattern(file: string, range: Range): string;
  isInside(ranges: Range[], location: Location): boolean;
  loadTimeRanges(root: string, file: string): Range[];
};
const { tableRows } = (await import(join(scripts, 'table.mjs'))) as {
  tableRows(root: string): Record<string, unknown>[];
};

let root: string;
function project(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'tango-mutation-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

const RULES = [
  "import { x } from './x.js';", // 1
  'export type Id = string;', // 2
  'export const EMAIL = /^[^@\\s]+@[^@\\s]+$/;', // 3
  'export function check(value: string): boolean {', // 4
  '  return EMAIL.test(value);', // 5
  '}', // 6
  'export class Cache {', // 7
  '  static limit = 10;', // 8
  '  size = 0;', // 9
  '}', // 10
].join('\n');

describe('load-time ranges', () => {
  it('takes top-level constants and static fields, never imports, types, function bodies or instance fields', () => {
    project({ 'src/domain/rules.ts': RULES });
    const patterns = loadTimeRanges(root, 'src/domain/rules.ts').map((range) =>
      asMutatePattern('src/domain/rules.ts', range),
    );
    expect(patterns).toEqual(['src/domain/rules.ts:3:0-3:41', 'src/domain/rules.ts:8:2-8:20']);
  });

  it('places a mutant inside or outside them by line and column', () => {
    project({ 'src/domain/rules.ts': RULES });
    const ranges = loadTimeRanges(root, 'src/domain/rules.ts');
    const at = (line: number, from: number, to: number) => ({
      start: { line, column: from },
      end: { line, column: to },
    });
    expect(isInside(ranges, at(3, 21, 41))).toBe(true); // the regex
    expect(isInside(ranges, at(5, 9, 27))).toBe(false); // the function's body
    expect(isInside(ranges, at(9, 9, 10))).toBe(false); // an instance field runs per object
  });
});

describe("a group's own tests", () => {
  it('are the test files importing one of its modules, directly or through a test/support helper', () => {
    project({
      'src/domain/rules.ts': RULES,
      'src/api/http.ts': "import { check } from '../domain/rules.js';",
      'test/support/world.ts': "import { check } from '../../src/domain/rules.js';",
      'test/unit/rules.test.ts': "import { check } from '../../src/domain/rules.js';",
      'test/unit/wizard.test.ts': "import { world } from '../support/world.js';",
      'test/unit/http.test.ts': "import { send } from '../../src/api/http.js';", // reaches rules only through src/
      'test/unit/fixture.test.ts': `const text = "import { check } from '../../src/domain/rules.js';";`, // a string
      'test/unit/lazy.test.ts': "const { check } = await import('../../src/domain/rules.js');",
    });
    expect(ownTests(root, { mutate: ['src/domain/'], testsOf: ['src/domain/'] })).toEqual([
      'test/unit/lazy.test.ts',
      'test/unit/rules.test.ts',
      'test/unit/wizard.test.ts',
    ]);
  });
});

describe('the table', () => {
  const location = (line: number) => ({ start: { line, column: 21 }, end: { line, column: 41 } });
  const mutant = (line: number, status: string, statusReason?: string) => ({
    mutatorName: 'Regex',
    replacement: `/r${line}/`,
    location: location(line),
    status,
    statusReason,
  });
  const report = (mutants: object[]) => JSON.stringify({ files: { 'src/domain/rules.ts': { mutants } } });

  it('counts a load-time mutant as the static pass judged it, and any other as the runtime pass did', () => {
    project({
      'src/domain/rules.ts': RULES,
      'reports/mutation/mutation.json': report([
        mutant(3, 'Survived'), // never switched on at run time: not a verdict
        mutant(5, 'Survived'),
        mutant(6, 'Killed'),
        mutant(1, 'CompileError'),
      ]),
      'reports/static/domain.json': report([mutant(3, 'Killed')]),
    });
    const [row] = tableRows(root);
    expect(row).toMatchObject({
      file: 'src/domain/rules.ts',
      mutants: 4,
      compile: 1,
      loadTime: 1,
      killed: 2,
      survived: 1,
    });
  });

  it('leaves a load-time mutant unjudged until its static pass has run', () => {
    project({
      'src/domain/rules.ts': RULES,
      'reports/mutation/mutation.json': report([
        mutant(3, 'Ignored', 'Static mutant (and "ignoreStatic" was enabled)'),
      ]),
    });
    expect(tableRows(root)[0]).toMatchObject({ unjudged: 1, killed: 0, survived: 0 });
  });
});
