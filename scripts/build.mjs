// Bundles src/ and its dependencies into dist/: dist/cli.js is the entry; modules loaded with
// `await import()` become chunks of their own, so `tango --version` reads only what it needs.
// Dependencies are bundled too: Node resolving conf, ajv and undici file by file from
// node_modules costs more than running them (about 170 ms measured), one chunk costs little.
//
// Two passes. esbuild compiles the TypeScript and bundles the dependencies (with our two plugins),
// splitting at every `await import()`. But esbuild gives every module that two entry points share a
// chunk of its own, even when one of them is only ever loaded by the other, so `tango config path`
// read 28 files and Node's ES module loader resolves each one (a stat, a realpath, the nearest
// package.json). Rollup then regroups the same code: it knows which modules a dynamic import's
// importer has already loaded, so `--help` reads one chunk and `config path` eight (measured: about
// 16 ms of CPU less per start). Rollup keeps esbuild's output as it is (no tree-shaking) and chains
// its source maps back to src/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { confWithoutSchemas } from './conf/plugin.mjs';
import { startUpPlugins } from './start-up/plugins.mjs';
import { narrowUndici } from './undici/plugin.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dist = new URL('../dist', import.meta.url).pathname;

/** esbuild's pass: src/ and node_modules into ES module chunks under `dir`, with source maps. */
async function compile(dir) {
  await build({
    entryPoints: { cli: 'src/main.ts' },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // CommonJS dependencies call require() for Node's own modules; give the ESM bundle one.
    banner: { js: REQUIRE_BANNER },
    chunkNames: '[name]-[hash]',
    sourcemap: 'external',
    define: { __TANGO_VERSION__: JSON.stringify(pkg.version) },
    plugins: [narrowUndici, confWithoutSchemas, ...startUpPlugins],
    logLevel: 'warning',
  });
}

const REQUIRE_BANNER =
  "import { createRequire as __tangoRequire } from 'node:module'; const require = __tangoRequire(import.meta.url);";

/**
 * Hands rollup each esbuild file with its source map, so dist's maps point at src/, not at the stage.
 * A file that never calls require() loses the banner: once rollup merges files, each copy would be
 * one more createRequire() at start.
 */
const withEsbuildMaps = {
  name: 'esbuild-maps',
  load(id) {
    let code = readFileSync(id, 'utf8');
    const body = code.slice(REQUIRE_BANNER.length);
    // Blanked rather than cut, so the source map's lines and columns stay true.
    if (code.startsWith(REQUIRE_BANNER) && !/\brequire\b/.test(body)) code = ' '.repeat(REQUIRE_BANNER.length) + body;
    let map;
    try {
      map = readFileSync(`${id}.map`, 'utf8');
    } catch {
      // a chunk esbuild wrote no map for
    }
    return { code, map };
  },
};

/** Rollup's pass: the same modules regrouped so no command reads a chunk its importer already holds. */
async function regroup(stage) {
  const bundle = await rollup({
    input: join(stage, 'cli.js'),
    external: (id) => isBuiltin(id),
    treeshake: false,
    plugins: [withEsbuildMaps],
    onwarn(warning, warn) {
      // esbuild's output is valid ES; top-level `this` and eval warnings come from bundled CommonJS.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'EVAL') return;
      warn(warning);
    },
  });
  await bundle.write({
    dir: dist,
    format: 'es',
    entryFileNames: '[name].js',
    // esbuild's names already carry a content hash (context-HBK7V4YX): keep them as they are.
    chunkFileNames: 'chunks/[name].js',
    sourcemap: true,
  });
  await bundle.close();
}

rmSync(dist, { recursive: true, force: true });
const stage = mkdtempSync(join(tmpdir(), 'tango-build-'));
try {
  await compile(stage);
  await regroup(stage);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
