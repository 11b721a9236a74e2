// The scores of the last runs of both passes, per file of the core, as a markdown table
// (`npm run mutation -- table`; docs/testing.md keeps the landed code's).
//
// Every mutant Stryker makes of the code as it is now counts (Stryker's own instrumenter lists them), so
// a mutant no run has reached yet, or a report older than the code, shows as "not judged".
// A mutant in load-time code counts as the static pass judged it (the runtime pass leaves those aside:
// it cannot switch them on), or as killed if the runtime pass killed it while its code ran in a test.
// Every other mutant counts as the runtime pass judged it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { GROUPS, groupFiles } from './groups.mjs';
import { isInside, loadTimeRanges } from './static-ranges.mjs';

const GOALS = { api: 90, domain: 90 }; // the others: 85 (issue 20)

/** A mutant's name in every report: what it does, and where (lines and columns from 1). */
const keyOf = ({ mutatorName, replacement, location: { start, end } }) =>
  `${mutatorName}@${start.line}:${start.column}-${end.line}:${end.column}=${replacement}`;

function mutantsOf(root, report) {
  const path = join(root, report);
  if (!existsSync(path)) return new Map();
  const byFile = new Map();
  for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(path, 'utf8')).files)) {
    byFile.set(file, new Map(mutants.map((mutant) => [keyOf(mutant), mutant])));
  }
  return byFile;
}

/** Every mutant of the files as they are now, from Stryker's instrumenter, by file and key. */
export async function mutantsToJudge(root, files) {
  const require = createRequire(import.meta.url);
  const { Instrumenter } = await import(require.resolve('@stryker-mutator/instrumenter'));
  const quiet = () => false;
  const log = {
    isDebugEnabled: quiet,
    isTraceEnabled: quiet,
    debug() {},
    trace() {},
    info() {},
    warn() {},
    error() {},
  };
  const { mutants } = await new Instrumenter(log).instrument(
    files.map((name) => ({ name, content: readFileSync(join(root, name), 'utf8'), mutate: true })),
    { plugins: null, excludedMutations: [], ignorers: [], noHeader: false },
  );
  const byFile = new Map(files.map((file) => [file, new Map()]));
  for (const mutant of mutants) {
    // The instrumenter counts lines and columns from 0, the reports from 1.
    const { start, end } = mutant.location;
    const location = {
      start: { line: start.line + 1, column: start.column + 1 },
      end: { line: end.line + 1, column: end.column + 1 },
    };
    byFile.get(mutant.fileName).set(keyOf({ ...mutant, location }), { ...mutant, location });
  }
  return byFile;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** What one mutant counts as: compile, marked, killed, survived, or unjudged (its pass has not reached it). */
function verdict(mutant, runtime, staticResult, isLoadTime) {
  if (mutant.status === 'Ignored') return 'marked'; // a `Stryker disable` comment
  // The runtime pass never type-checks a static mutant it leaves aside; the static pass does.
  if (runtime?.status === 'CompileError' || staticResult?.status === 'CompileError') return 'compile';
  // A kill is a kill in either pass: a test failed while the mutant was on. (The static pass also mutates
  // the functions inside a load-time range, switched on from the start, and may kill one the runtime missed.)
  if (DETECTED.has(runtime?.status) || DETECTED.has(staticResult?.status)) return 'killed';
  const judge = isLoadTime ? staticResult : runtime;
  if (!judge) return 'unjudged';
  if (DETECTED.has(judge.status)) return 'killed';
  if (UNDETECTED.has(judge.status)) return 'survived';
  if (judge.status === 'Ignored' && !/static/i.test(judge.statusReason ?? '')) return 'marked';
  return judge.status === 'Ignored' ? 'unjudged' : 'error'; // RuntimeError: counted nowhere, as Stryker does
}

/** Each mutant of one file, with what it counts as. */
function* judgeFile(root, file, toJudge, runtimeMutants, staticMutants) {
  const ranges = loadTimeRanges(root, file);
  for (const [key, mutant] of toJudge) {
    const isLoadTime = isInside(ranges, mutant.location);
    yield { mutant, isLoadTime, verdict: verdict(mutant, runtimeMutants.get(key), staticMutants.get(key), isLoadTime) };
  }
}

function countFile(judged, mutants) {
  const count = { mutants, compile: 0, marked: 0, killed: 0, survived: 0, unjudged: 0, error: 0, loadTime: 0 };
  for (const { isLoadTime, verdict } of judged) {
    if (isLoadTime) count.loadTime++;
    count[verdict]++;
  }
  return count;
}

const score = ({ killed, survived }) =>
  killed + survived > 0 ? `${((100 * killed) / (killed + survived)).toFixed(1)} %` : 'n/a';

/** Every file of the core with its goal and its mutants, each with what it counts as. */
async function* judgedFiles(root) {
  const runtime = mutantsOf(root, 'reports/mutation/mutation.json');
  for (const [name, group] of Object.entries(GROUPS)) {
    const statics = mutantsOf(root, `reports/static/${name}.json`);
    const files = groupFiles(root, group);
    const toJudge = await mutantsToJudge(root, files);
    for (const file of files) {
      const mutants = toJudge.get(file);
      const judged = [
        ...judgeFile(root, file, mutants, runtime.get(file) ?? new Map(), statics.get(file) ?? new Map()),
      ];
      yield { file, goal: GOALS[name] ?? 85, mutants: mutants.size, judged };
    }
  }
}

export async function tableRows(root) {
  const rows = [];
  for await (const { file, goal, mutants, judged } of judgedFiles(root)) {
    if (mutants > 0) rows.push({ file, goal, ...countFile(judged, mutants) });
  }
  return rows;
}

/**
 * The mutants the table counts as surviving (or not judged), with their line, in the files whose path
 * contains one of `filters` (all files when none): the list to write tests from.
 */
export async function printSurvivors(root, filters) {
  const unmatched = new Set(filters);
  for await (const { file, judged } of judgedFiles(root)) {
    const matching = filters.filter((filter) => file.includes(filter));
    for (const filter of matching) unmatched.delete(filter);
    if (filters.length > 0 && matching.length === 0) continue;
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    for (const { mutant, isLoadTime, verdict } of judged) {
      if (verdict !== 'survived' && verdict !== 'unjudged') continue;
      const { line, column } = mutant.location.start;
      const pass = isLoadTime ? 'static' : 'runtime';
      console.log(
        `${file}:${line}:${column} ${verdict} (${pass}) ${mutant.mutatorName} => ${JSON.stringify(mutant.replacement).slice(0, 100)}`,
      );
      console.log(`    ${lines[line - 1].trim().slice(0, 140)}`);
    }
  }
  if (unmatched.size > 0) {
    console.error(`no file of the core matches ${[...unmatched].join(', ')}`);
    process.exitCode = 2;
  }
}

/** Whether a file meets its goal, or why that cannot be said. */
function goalStatus(row) {
  const judged = row.killed + row.survived;
  if (row.unjudged > 0) return 'not all judged';
  if (judged === 0) return 'nothing to judge';
  return row.killed / judged >= row.goal / 100 ? 'met' : 'below';
}

export async function printTable(root) {
  console.log(
    '| file | mutants | do not compile | marked equivalent | load-time | killed | survived | not judged | errors | score | goal |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of await tableRows(root)) {
    console.log(
      `| ${row.file.replace(/^src\//, '')} | ${row.mutants} | ${row.compile} | ${row.marked} | ${row.loadTime} | ${row.killed} | ${row.survived} | ${row.unjudged} | ${row.error} | ${score(row)} | ${row.goal} % ${goalStatus(row)} |`,
    );
  }
}
