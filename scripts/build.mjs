// Bundles src/ and its dependencies into dist/: dist/cli.js is the entry; modules loaded with
// `await import()` become chunks of their own, so `tango --version` reads only what it needs.
// Dependencies are bundled too: Node resolving conf, ajv and undici file by file from
// node_modules costs more than running them (about 170 ms measured), one chunk costs little.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { confWithoutSchemas } from './conf/plugin.mjs';
import { narrowUndici } from './undici/plugin.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies call require() for Node's own modules; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __tangoRequire } from 'node:module'; const require = __tangoRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  define: { __TANGO_VERSION__: JSON.stringify(pkg.version) },
  plugins: [narrowUndici, confWithoutSchemas],
  logLevel: 'warning',
});
