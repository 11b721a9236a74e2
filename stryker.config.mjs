// StrykerJS: mutation testing of the core (`npm run mutation`; docs/testing.md says how and why).
// Not part of CI (.ci/run): a whole run takes far longer than the suite.
//
// scripts/mutation.mjs runs it in two passes. The runtime pass (the default here) runs each mutant
// with the unit tests that reach its line and leaves load-time ("static") mutants aside. The static pass
// of a group (TANGO_MUTATION_GROUP set) mutates only load-time code, with that group's own tests, and keeps
// its record and report apart.
const group = process.env.TANGO_MUTATION_GROUP;
const reports = group ? `reports/static/${group}` : 'reports/mutation/mutation';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/api/**/*.ts',
    'src/domain/**/*.ts',
    'src/config/**/*.ts',
    'src/output/**/*.ts',
    'src/import/**/*.ts',
    'src/emulator/filters.ts',
    'src/emulator/pagination.ts',
  ],
  testRunner: 'vitest',
  // Only the unit tests: the e2e tests run the built bin/tango.js (dist/, built from unmutated
  // sources), so they cannot see a mutant, and they take minutes per run. Forks as in
  // vitest.config.ts: some tests change the working directory, which threads cannot.
  vitest: { configFile: 'vitest.mutation.config.ts', pool: 'forks' },
  // Mutants that do not compile are dropped before any test runs (counted as CompileError).
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Static mutants (module-level constants, rule tables) reload the tests for each: the static pass.
  ignoreStatic: !group,
  incremental: true,
  incrementalFile: group ? `reports/static/${group}-incremental.json` : 'reports/stryker-incremental.json',
  // Two cores shared with the build and the rest of the team: one test runner.
  concurrency: 1,
  // A loaded machine runs tests slowly; a mutant is only a timeout well past the normal time.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}.html` },
  jsonReporter: { fileName: `${reports}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
};
