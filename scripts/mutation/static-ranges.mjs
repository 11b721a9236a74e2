// Where a module's load-time code is: the parts of a file that run when it is imported (constants,
// rule tables, regexes, messages built at the top level), as opposed to function bodies, which run
// when called. Stryker calls a mutant there "static": it can only be seen by loading the module again,
// so `npm run mutation` judges those in a pass of their own (scripts/mutation.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Declarations that leave nothing to run at load: types, imports, and functions (run when called). */
const NOTHING_AT_LOAD = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.EmptyStatement,
]);

function isStatic(member) {
  return ts.getModifiers?.(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false;
}

/** The nodes of a top-level statement that run at load: a class's static fields and blocks only. */
function loadTimeNodes(statement) {
  if (NOTHING_AT_LOAD.has(statement.kind)) return [];
  if (ts.isExportDeclaration(statement)) return []; // re-exports: `export { x } from './y.js'`
  if (ts.isClassDeclaration(statement)) {
    return statement.members.filter(
      (member) =>
        ts.isClassStaticBlockDeclaration(member) ||
        (ts.isPropertyDeclaration(member) && isStatic(member) && member.initializer),
    );
  }
  return [statement];
}

/** Code inside these runs when called, even within a top-level constant (a rule's `test` arrow). */
function isFunctionLike(node) {
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function functionsInside(node, found = []) {
  ts.forEachChild(node, (child) => {
    if (isFunctionLike(child)) found.push(child);
    else functionsInside(child, found);
  });
  return found;
}

function span(source, node) {
  return {
    start: source.getLineAndCharacterOfPosition(node.getStart(source)),
    end: source.getLineAndCharacterOfPosition(node.getEnd()),
  };
}

/**
 * The load-time ranges of a file, each with the functions inside it (`holes`: their code runs when
 * called). Lines and characters count from 0. The parser's ranges, plus the exact place of every mutant
 * the last runtime pass left aside as static.
 */
export function loadTimeRanges(root, file) {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const parsed = source.statements.flatMap((statement) =>
    loadTimeNodes(statement).map((node) => ({
      ...span(source, node),
      holes: functionsInside(node).map((inner) => span(source, inner)),
    })),
  );
  return [...parsed, ...(leftAsideAsStatic(root).get(file) ?? [])];
}

const STATIC_REASON = /static/i; // Stryker's 'Static mutant (and "ignoreStatic" was enabled)'

/**
 * Stryker sees which code runs while a module loads; the parser only guesses it from the shape of the
 * file, and misses a top-level function called at load (`enumRule` building a rule table) or an arrow
 * function in a constant replaced whole (`error: (text) => ...` becoming `() => undefined`). The runtime
 * pass leaves each such mutant aside, so without this no pass would judge it. Each becomes a range of
 * exactly its own place (`exact`: the code inside it still runs when called, and stays the runtime's).
 */
const leftAsideCache = new Map();
function leftAsideAsStatic(root) {
  if (leftAsideCache.has(root)) return leftAsideCache.get(root);
  const byFile = new Map();
  const report = join(root, 'reports/mutation/mutation.json');
  const files = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).files : {};
  for (const [file, { mutants, source }] of Object.entries(files)) {
    // A report of other code would point at other places: a runtime pass of this code must come first.
    const path = join(root, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== source) {
      console.error(
        `${file}: the runtime report is of other code; its static mutants are left out until a runtime pass`,
      );
      continue;
    }
    const ranges = mutants
      .filter((mutant) => mutant.status === 'Ignored' && STATIC_REASON.test(mutant.statusReason ?? ''))
      .map(({ location: { start, end } }) => ({
        start: { line: start.line - 1, character: start.column - 1 },
        end: { line: end.line - 1, character: end.column - 1 },
        exact: true,
      }));
    if (ranges.length > 0) byFile.set(file, ranges);
  }
  leftAsideCache.set(root, byFile);
  return byFile;
}

/** A range as Stryker's `--mutate` pattern (`file:line:column-line:column`, lines from 1, columns from 0). */
export function asMutatePattern(file, { start, end }) {
  return `${file}:${start.line + 1}:${start.character}-${end.line + 1}:${end.character}`;
}

/**
 * Whether a report's location (lines and columns from 1, as in mutation.json) is load-time code: inside
 * one of the ranges and not inside a function there.
 */
export function isInside(ranges, location) {
  const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  const from = { line: location.start.line - 1, column: location.start.column - 1 };
  const to = { line: location.end.line - 1, column: location.end.column - 1 };
  const covers = ({ start, end }) =>
    before({ line: start.line, column: start.character }, from) &&
    before(to, { line: end.line, column: end.character });
  const same = ({ start, end }) =>
    start.line === from.line && start.character === from.column && end.line === to.line && end.character === to.column;
  return ranges.some((range) => (range.exact ? same(range) : covers(range) && !(range.holes ?? []).some(covers)));
}
