// The scores of the last runs of both passes, per file of the core, as a markdown table
// (`npm run mutation -- table`; docs/testing.md keeps the landed code's).
//
// A mutant in load-time code counts as the static pass judged it (the runtime pass leaves those aside:
// it cannot switch them on), or as killed if the runtime pass killed it while its code ran in a test.
// Every other mutant counts as the runtime pass judged it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUPS, groupFiles } from './groups.mjs';
import { isInside, loadTimeRanges } from './static-ranges.mjs';

const GOALS = { api: 90, domain: 90 }; // the others: 85 (issue 20)

function mutantsOf(root, report) {
  const path = join(root, report);
  if (!existsSync(path)) return new Map();
  const byFile = new Map();
  for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(path, 'utf8')).files)) {
    const byKey = new Map();
    for (const mutant of mutants) {
      const { start, end } = mutant.location;
      byKey.set(
        `${mutant.mutatorName}@${start.line}:${start.column}-${end.line}:${end.column}=${mutant.replacement}`,
        mutant,
      );
    }
    byFile.set(file, byKey);
  }
  return byFile;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** What one mutant counts as: compile, marked, killed, survived, or unjudged (its pass has not run). */
function verdict(runtime, staticResult, isLoadTime) {
  const any = runtime ?? staticResult;
  if (any.status === 'CompileError') return 'compile';
  if (runtime && DETECTED.has(runtime.status)) return 'killed';
  const judge = isLoadTime ? staticResult : runtime;
  if (!judge) return 'unjudged';
  if (DETECTED.has(judge.status)) return 'killed';
  if (UNDETECTED.has(judge.status)) return 'survived';
  if (judge.status === 'Ignored' && !/static/i.test(judge.statusReason ?? '')) return 'marked';
  return judge.status === 'Ignored' ? 'unjudged' : 'error'; // RuntimeError: counted nowhere, as Stryker does
}

function countFile(root, file, runtimeMutants, staticMutants) {
  const ranges = loadTimeRanges(root, file);
  const keys = new Set([...runtimeMutants.keys(), ...staticMutants.keys()]);
  const count = {
    mutants: keys.size,
    compile: 0,
    marked: 0,
    killed: 0,
    survived: 0,
    unjudged: 0,
    error: 0,
    loadTime: 0,
  };
  for (const key of keys) {
    const runtime = runtimeMutants.get(key);
    const staticResult = staticMutants.get(key);
    const isLoadTime = isInside(ranges, (runtime ?? staticResult).location);
    if (isLoadTime) count.loadTime++;
    count[verdict(runtime, staticResult, isLoadTime)]++;
  }
  return count;
}

const score = ({ killed, survived }) =>
  killed + survived > 0 ? `${((100 * killed) / (killed + survived)).toFixed(1)} %` : 'n/a';

export function tableRows(root) {
  const runtime = mutantsOf(root, 'reports/mutation/mutation.json');
  const rows = [];
  for (const [name, group] of Object.entries(GROUPS)) {
    const statics = mutantsOf(root, `reports/static/${name}.json`);
    const goal = GOALS[name] ?? 85;
    for (const file of groupFiles(root, group)) {
      const count = countFile(root, file, runtime.get(file) ?? new Map(), statics.get(file) ?? new Map());
      if (count.mutants > 0) rows.push({ file, goal, ...count });
    }
  }
  return rows;
}

/** Whether a file meets its goal, or why that cannot be said. */
function goalStatus(row) {
  const judged = row.killed + row.survived;
  if (row.unjudged > 0) return 'not all judged';
  if (judged === 0) return 'nothing to judge';
  return row.killed / judged >= row.goal / 100 ? 'met' : 'below';
}

export function printTable(root) {
  console.log(
    '| file | mutants | do not compile | marked equivalent | load-time | killed | survived | not judged | score | goal |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of tableRows(root)) {
    console.log(
      `| ${row.file.replace(/^src\//, '')} | ${row.mutants} | ${row.compile} | ${row.marked} | ${row.loadTime} | ${row.killed} | ${row.survived} | ${row.unjudged} | ${score(row)} | ${row.goal} % ${goalStatus(row)} |`,
    );
  }
}
