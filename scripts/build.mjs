// Bundles src/ into dist/: dist/cli.js is the entry; modules loaded with `await import()` become
// chunks of their own, so `tango --version` reads only what it needs. Packages stay in node_modules.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

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
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  define: { __TANGO_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
