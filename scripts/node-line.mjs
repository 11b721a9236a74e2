// node scripts/node-line.mjs <22|24>: prints the path of a pinned Node binary of that line,
// fetching it first if it is not cached. CI runs the test suite on each line; `npm run bench --
// --node "$(node scripts/node-line.mjs 24)"` measures on one.
//
// Node itself comes from the npm registry (the node-<platform>-<arch> package, as npm packs it,
// integrity checked by npm), so no other download is needed. It is unpacked into a cache outside
// the repository (TANGO_NODE_CACHE, default ~/.cache/tango-admin/node), one folder a version;
// npm itself stays the machine's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The versions tested, one per line. Bump them deliberately: CI's green is for these exactly. */
export const NODE_LINES = { 22: '22.23.5', 24: '24.22.3' };

export function nodeCache() {
  return process.env.TANGO_NODE_CACHE ?? join(homedir(), '.cache', 'tango-admin', 'node');
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout.trim();
}

/** The binary of `version`, unpacked once: into a temporary folder first, renamed when whole. */
export function nodeBinary(version) {
  const cache = nodeCache();
  const folder = join(cache, version);
  const binary = join(folder, 'bin', 'node');
  if (!existsSync(binary)) {
    mkdirSync(cache, { recursive: true });
    const staging = mkdtempSync(join(cache, `.${version}-`));
    try {
      const spec = `node-${process.platform}-${process.arch}@${version}`;
      run('npm', ['pack', spec, '--pack-destination', staging, '--silent']);
      const tarball = readdirSync(staging).find((name) => name.endsWith('.tgz'));
      if (!tarball) throw new Error(`npm pack ${spec} wrote no tarball`);
      run('tar', ['-xzf', tarball, 'package/bin/node', 'package/LICENSE'], { cwd: staging });
      rmSync(folder, { recursive: true, force: true });
      renameSync(join(staging, 'package'), folder);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const reported = run(binary, ['--version']);
  if (reported !== `v${version}`) throw new Error(`${binary} reports ${reported}, expected v${version}`);
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const line = process.argv[2];
  const version = NODE_LINES[line];
  if (!version) {
    console.error(`usage: node scripts/node-line.mjs <${Object.keys(NODE_LINES).join('|')}>`);
    process.exit(2);
  }
  console.log(nodeBinary(version));
}
