// npm run build:binary: one file, dist/binary/tango, that runs without a Node installation: the whole
// of tango (the emulator included) as one CommonJS script with V8's code cache, injected into a copy of
// the Node binary that runs this script, as Node's single executable applications do
// (https://nodejs.org/api/single-executable-applications.html). Measured against `node bin/tango.js`
// in the README's Performance section. Options: --out <dir> (default dist/binary).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'postject';
import { confWithoutSchemas } from './conf/plugin.mjs';
import { startUpPlugins } from './start-up/plugins.mjs';
import { narrowUndici } from './undici/plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const at = process.argv.indexOf('--out');
const out = resolve(at === -1 ? join(root, 'dist/binary') : process.argv[at + 1]);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const script = join(out, 'tango.cjs');
await build({
  entryPoints: [join(root, 'src/binary.ts')],
  outfile: script,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The executable's require() knows only Node's own modules, and it has no import() at all:
  // every module is in this one file, and each `await import()` becomes a require() of its part.
  supported: { 'dynamic-import': false },
  define: { __TANGO_VERSION__: JSON.stringify(pkg.version) },
  plugins: [narrowUndici, confWithoutSchemas, ...startUpPlugins],
  logLevel: 'warning',
});

const blob = join(out, 'tango.blob');
const config = join(out, 'sea-config.json');
writeFileSync(
  config,
  JSON.stringify({ main: script, output: blob, useCodeCache: true, disableExperimentalSEAWarning: true }),
);
const prepared = spawnSync(process.execPath, ['--experimental-sea-config', config], { encoding: 'utf8' });
if (prepared.status !== 0) throw new Error(`node --experimental-sea-config failed:\n${prepared.stderr}`);

const binary = join(out, 'tango');
copyFileSync(process.execPath, binary);
chmodSync(binary, 0o755);
await inject(binary, 'NODE_SEA_BLOB', readFileSync(blob), {
  sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
});
rmSync(blob);
rmSync(config);
console.log(`${binary} (Node ${process.version}, tango ${pkg.version})`);
