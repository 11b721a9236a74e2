// Where a module's load-time code is: the parts of a file that run when it is imported (constants,
// rule tables, regexes, messages built at the top level), as opposed to function bodies, which run
// when called. Stryker calls a mutant there "static": it can only be seen by loading the module again,
// so `npm run mutation` judges those in a pass of their own (scripts/mutation.mjs).
import { readFileSync } from 'node:fs';
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

/**
 * The load-time ranges of a file, as Stryker's `--mutate` patterns (`file:line:column-line:column`, lines
 * from 1, columns from 0, both ends included). Function bodies inside them (an arrow in a rule table) are
 * mutated too; those mutants run with their covering tests as usual.
 */
export function loadTimeRanges(root, file) {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const ranges = [];
  for (const statement of source.statements) {
    for (const node of loadTimeNodes(statement)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source));
      const end = source.getLineAndCharacterOfPosition(node.getEnd());
      ranges.push({ start, end });
    }
  }
  return ranges;
}

export function asMutatePattern(file, { start, end }) {
  return `${file}:${start.line + 1}:${start.character}-${end.line + 1}:${end.character}`;
}

/** Whether a report's location (lines and columns from 1, as in mutation.json) lies inside one of the ranges. */
export function isInside(ranges, location) {
  const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  const from = { line: location.start.line - 1, column: location.start.column - 1 };
  const to = { line: location.end.line - 1, column: location.end.column - 1 };
  return ranges.some(
    ({ start, end }) =>
      before({ line: start.line, column: start.character }, from) &&
      before(to, { line: end.line, column: end.character }),
  );
}
