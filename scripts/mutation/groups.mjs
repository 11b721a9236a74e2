// The core `npm run mutation` mutates, in groups, and the unit tests that judge each group's
// load-time (static) mutants.
//
// A static mutant (in a rule table, a regex, a message built when the module loads) cannot be switched
// on per test: Stryker loads the modules again and runs every related test for each one. The unit suite
// takes about 40 s of test time on this machine (14 s of it http.test.ts), and nearly every test file
// reaches domain/rules.ts through some import, so the core's static mutants would take hours. So the
// static pass runs a group's own tests only: the unit test files that import one of its modules, directly
// or through a test/support helper. Those take seconds. A static mutant only some other test would
// notice counts as surviving: the static figures are a lower bound of the whole suite's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** name: the files it mutates, and the modules whose importers are its own tests. */
export const GROUPS = {
  api: { mutate: ['src/api/'], testsOf: ['src/api/'] },
  domain: { mutate: ['src/domain/'], testsOf: ['src/domain/'] },
  config: { mutate: ['src/config/'], testsOf: ['src/config/'] },
  output: { mutate: ['src/output/'], testsOf: ['src/output/'] },
  import: { mutate: ['src/import/'], testsOf: ['src/import/'] },
  // The emulator's tests start it through test/support, which imports its server, not these two.
  emulator: { mutate: ['src/emulator/filters.ts', 'src/emulator/pagination.ts'], testsOf: ['src/emulator/'] },
};

/** Whether a file is one of the paths, or under one of the folders (ending in `/`). */
const under = (paths, file) => paths.some((path) => (path.endsWith('/') ? file.startsWith(path) : file === path));

/** The TypeScript files a group mutates, sorted. */
export function groupFiles(root, group) {
  const files = readdirSync(join(root, 'src'), { recursive: true })
    .map((name) => `src/${String(name).replaceAll('\\', '/')}`)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  return files.filter((file) => under(group.mutate, file)).sort();
}

// `import … from '…'` and `export … from '…'` at the start of a line (also across lines), `import '…'`,
// and `import('…')` anywhere: not an import-like text inside a string, such as a test's fixture.
const SPECIFIER = /^\s*(?:import|export)\b[^'"]*?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm;

/** The project files a file imports by a literal relative specifier, as root-relative `.ts` paths. */
function importsOf(root, file) {
  const found = [];
  for (const [, staticSpecifier, dynamicSpecifier] of readFileSync(join(root, file), 'utf8').matchAll(SPECIFIER)) {
    const specifier = staticSpecifier ?? dynamicSpecifier;
    if (!specifier.startsWith('.')) continue;
    const target = relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts');
    const imported = target.endsWith('.ts') ? target : `${target}.ts`;
    if (existsSync(join(root, imported))) found.push(imported);
  }
  return found;
}

/** The src/ files a test file imports itself or through test/support helpers (not through src/). */
function sourcesImportedBy(root, testFile) {
  const sources = new Set();
  const seen = new Set();
  const queue = [testFile];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of importsOf(root, file)) {
      if (target.startsWith('src/')) sources.add(target);
      else if (target.startsWith('test/support/')) queue.push(target);
    }
  }
  return sources;
}

/** A group's own unit test files, sorted. */
export function ownTests(root, group) {
  return readdirSync(join(root, 'test/unit'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `test/unit/${name}`)
    .filter((test) => [...sourcesImportedBy(root, test)].some((source) => under(group.testsOf, source)))
    .sort();
}
