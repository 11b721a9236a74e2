// scripts/mutation: which code the static pass mutates, which tests judge it, and how the two
// passes' reports make one score. A wrong range or test list would make `npm run mutation` report
// figures for code it never mutated or tests it never ran.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

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
type Judged = { mutatorName: string; replacement: string; location: Location };
const { mutantsToJudge, printSurvivors, tableRows } = (await import(join(scripts, 'table.mjs'))) as {
  mutantsToJudge(root: string, files: string[]): Promise<Map<string, Map<string, Judged>>>;
  printSurvivors(root: string, filters: string[]): Promise<void>;
  tableRows(root: string): Promise<Record<string, number | string>[]>;
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
    expect(isInside(ranges, at(3, 22, 41))).toBe(true); // the regex (columns from 1, as in mutation.json)
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
  type Mutant = { mutatorName: string; replacement: string; location: Location; status?: string };
  // Reports hold what Stryker's instrumenter makes of the file: take two of its real mutants.
  async function rulesMutants() {
    const mutants = [...(await mutantsToJudge(root, ['src/domain/rules.ts'])).get('src/domain/rules.ts')!.values()];
    const regex = mutants.find((m) => m.location.start.line === 3 && m.mutatorName === 'Regex')!;
    const body = mutants.find((m) => m.mutatorName === 'BlockStatement')!; // check()'s body emptied
    return { all: mutants, regex, body };
  }
  const report = (mutants: Mutant[]) => JSON.stringify({ files: { 'src/domain/rules.ts': { mutants } } });
  const as = (mutant: Mutant, status: string, statusReason?: string) => ({ ...mutant, status, statusReason });

  it('counts every mutant of the file as it is; a load-time one as the static pass judged it, any other as the runtime pass did', async () => {
    project({ 'src/domain/rules.ts': RULES });
    const { all, regex, body } = await rulesMutants();
    mkdirSync(join(root, 'reports/mutation'), { recursive: true });
    mkdirSync(join(root, 'reports/static'), { recursive: true });
    // The runtime pass cannot switch a load-time mutant on: its "Survived" there is no verdict.
    writeFileSync(join(root, 'reports/mutation/mutation.json'), report([as(regex, 'Survived'), as(body, 'Survived')]));
    writeFileSync(join(root, 'reports/static/domain.json'), report([as(regex, 'Killed')]));
    const [row] = await tableRows(root);
    expect(row).toMatchObject({ file: 'src/domain/rules.ts', mutants: all.length, killed: 1, survived: 1 });
    expect(row!.unjudged).toBe(all.length - 2);
  });

  it('leaves a load-time mutant unjudged until its static pass has run', async () => {
    project({ 'src/domain/rules.ts': RULES });
    const { regex } = await rulesMutants();
    mkdirSync(join(root, 'reports/mutation'), { recursive: true });
    const ignored = as(regex, 'Ignored', 'Static mutant (and "ignoreStatic" was enabled)');
    writeFileSync(join(root, 'reports/mutation/mutation.json'), report([ignored]));
    expect((await tableRows(root))[0]).toMatchObject({ killed: 0, survived: 0 });
  });
});

describe('load-time code and the functions inside it', () => {
  it("a function inside a top-level constant runs when called: its mutants are the runtime pass's", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a source file, with its own template
    project({ 'src/api/tango.ts': 'export const requests = {\n  list: (id: string) => ({ path: `/a/${id}` }),\n};\n' });
    const ranges = loadTimeRanges(root, 'src/api/tango.ts');
    const at = (line: number, from: number, to: number) => ({
      start: { line, column: from },
      end: { line, column: to },
    });
    expect(isInside(ranges, at(2, 34, 44))).toBe(false); // the path, inside the arrow (columns from 1)
    expect(isInside(ranges, at(1, 25, 26))).toBe(true); // the object literal itself, built at load
  });
});

describe('code Stryker saw run at load that the parser calls a function body', () => {
  type Mutant = Judged & { status?: string; statusReason?: string };
  // A report carries the source it was made of, as Stryker's does.
  const report = (mutants: Mutant[], source = RULES) =>
    JSON.stringify({ files: { 'src/domain/rules.ts': { source, mutants } } });
  const leftAside = 'Static mutant (and "ignoreStatic" was enabled)';
  // check() called while the module loads (a rule table built by a function): its body is load-time code.
  async function bodyLeftAsideByTheRuntimePass() {
    project({ 'src/domain/rules.ts': RULES });
    const mutants = [...(await mutantsToJudge(root, ['src/domain/rules.ts'])).get('src/domain/rules.ts')!.values()];
    const body = mutants.find((m) => m.mutatorName === 'BlockStatement')!;
    mkdirSync(join(root, 'reports/mutation'), { recursive: true });
    mkdirSync(join(root, 'reports/static'), { recursive: true });
    writeFileSync(
      join(root, 'reports/mutation/mutation.json'),
      report([{ ...body, status: 'Ignored', statusReason: leftAside }]),
    );
    return body;
  }

  it("is mutated by the static pass at exactly its place, the code inside it staying the runtime pass's", async () => {
    const body = await bodyLeftAsideByTheRuntimePass();
    const ranges = loadTimeRanges(root, 'src/domain/rules.ts');
    expect(ranges.map((range) => asMutatePattern('src/domain/rules.ts', range))).toEqual([
      'src/domain/rules.ts:3:0-3:41',
      'src/domain/rules.ts:8:2-8:20',
      'src/domain/rules.ts:4:46-6:1', // check()'s body: its `{` is the 47th column in Stryker's report
    ]);
    expect(isInside(ranges, body.location)).toBe(true);
    expect(isInside(ranges, { start: { line: 5, column: 10 }, end: { line: 5, column: 27 } })).toBe(false); // inside it
  });

  it('counts as the static pass judged it, where it used to be left unjudged by both', async () => {
    const body = await bodyLeftAsideByTheRuntimePass();
    writeFileSync(join(root, 'reports/static/domain.json'), report([{ ...body, status: 'Survived' }]));
    expect((await tableRows(root))[0]).toMatchObject({ killed: 0, survived: 1 });
    writeFileSync(join(root, 'reports/static/domain.json'), report([{ ...body, status: 'Killed' }]));
    expect((await tableRows(root))[0]).toMatchObject({ killed: 1, survived: 0 });
  });

  it('is left out when the runtime report is of other code: its places would point elsewhere', async () => {
    await bodyLeftAsideByTheRuntimePass();
    const body = [...(await mutantsToJudge(root, ['src/domain/rules.ts'])).get('src/domain/rules.ts')!.values()].find(
      (m) => m.mutatorName === 'BlockStatement',
    )!;
    writeFileSync(
      join(root, 'reports/mutation/mutation.json'),
      report([{ ...body, status: 'Ignored', statusReason: leftAside }], `// an older version\n${RULES}`),
    );
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const patterns = loadTimeRanges(root, 'src/domain/rules.ts').map((range) =>
        asMutatePattern('src/domain/rules.ts', range),
      );
      expect(patterns).toEqual(['src/domain/rules.ts:3:0-3:41', 'src/domain/rules.ts:8:2-8:20']);
      expect(error).toHaveBeenCalledWith(
        expect.stringContaining('src/domain/rules.ts: the runtime report is of other code'),
      );
    } finally {
      error.mockRestore();
    }
  });
});

describe('a kill in either pass', () => {
  it("counts a runtime mutant the runtime pass missed and the static pass killed (it mutates a range's functions too)", async () => {
    project({ 'src/api/tango.ts': 'export const view = {\n  cell: (id: string) => id.trim(),\n};\n' });
    const mutants = [...(await mutantsToJudge(root, ['src/api/tango.ts'])).get('src/api/tango.ts')!.values()];
    const inside = mutants.find((m) => m.mutatorName === 'MethodExpression')!; // id.trim() made id
    mkdirSync(join(root, 'reports/mutation'), { recursive: true });
    mkdirSync(join(root, 'reports/static'), { recursive: true });
    const one = (status: string) =>
      JSON.stringify({ files: { 'src/api/tango.ts': { mutants: [{ ...inside, status }] } } });
    writeFileSync(join(root, 'reports/mutation/mutation.json'), one('Survived'));
    writeFileSync(join(root, 'reports/static/api.json'), one('Killed'));
    expect((await tableRows(root)).find((row) => row.file === 'src/api/tango.ts')).toMatchObject({ killed: 1 });
    writeFileSync(join(root, 'reports/static/api.json'), one('Survived'));
    expect((await tableRows(root)).find((row) => row.file === 'src/api/tango.ts')).toMatchObject({
      killed: 0,
      survived: 1,
    });
  });
});

describe('npm run mutation -- survivors', () => {
  it('lists what the table counts as surviving or not judged, with its place, pass and line, in the files asked for', async () => {
    project({ 'src/domain/rules.ts': RULES, 'src/domain/other.ts': 'export const N = 1;\n' });
    const mutants = [...(await mutantsToJudge(root, ['src/domain/rules.ts'])).get('src/domain/rules.ts')!.values()];
    const regex = mutants.find((m) => m.location.start.line === 3 && m.mutatorName === 'Regex')!;
    mkdirSync(join(root, 'reports/mutation'), { recursive: true });
    mkdirSync(join(root, 'reports/static'), { recursive: true });
    // Every runtime mutant killed, the regex survived its static pass.
    const killed = mutants.filter((m) => m !== regex).map((m) => ({ ...m, status: 'Killed' }));
    writeFileSync(
      join(root, 'reports/mutation/mutation.json'),
      JSON.stringify({ files: { 'src/domain/rules.ts': { mutants: killed } } }),
    );
    writeFileSync(
      join(root, 'reports/static/domain.json'),
      JSON.stringify({ files: { 'src/domain/rules.ts': { mutants: [{ ...regex, status: 'Survived' }] } } }),
    );
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      await printSurvivors(root, ['rules.ts']);
    } finally {
      log.mockRestore();
    }
    const { line, column } = regex.location.start;
    expect(lines).toEqual([
      `src/domain/rules.ts:${line}:${column} survived (static) Regex => ${JSON.stringify(regex.replacement)}`,
      '    export const EMAIL = /^[^@\\s]+@[^@\\s]+$/;',
    ]);
  });

  it('says so, exit 2, when a path asked for matches no file of the core', async () => {
    project({ 'src/domain/rules.ts': RULES });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await printSurvivors(root, ['rules.ts', 'ruels.ts']);
      expect(error).toHaveBeenCalledWith('no file of the core matches ruels.ts');
      expect(process.exitCode).toBe(2);
    } finally {
      process.exitCode = undefined;
      error.mockRestore();
      log.mockRestore();
    }
  });
});
