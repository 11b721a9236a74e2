// Bundles src/ and its dependencies into dist/: dist/cli.js is the entry; modules loaded with
// `await import()` become chunks of their own, so `tango --version` reads only what it needs.
// Dependencies are bundled too: Node resolving conf, ajv and undici file by file from
// node_modules costs more than running them (about 170 ms measured), one chunk costs little.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * The undici that scripts/undici/*.cjs were written against: they reach into its internal modules,
 * which any release may move. Upgrading means checking those paths, then changing this and the
 * exact version in package.json together.
 */
export const UNDICI_VERSION = '7.30.2';

/**
 * `undici` in the bundle is only what tango uses (scripts/undici/narrow.cjs: Agent and request),
 * and undici's HTTP/2 client is loaded only if HTTP/2 is ever negotiated (client-h2-lazy.cjs).
 */
const narrowUndici = {
  name: 'narrow-undici',
  setup(build) {
    const installed = JSON.parse(readFileSync(new URL('../node_modules/undici/package.json', import.meta.url), 'utf8'));
    if (installed.version !== UNDICI_VERSION || pkg.devDependencies.undici !== UNDICI_VERSION) {
      throw new Error(
        `undici ${installed.version} is installed (package.json asks for ${pkg.devDependencies.undici}), but ` +
          `scripts/undici/ is written against ${UNDICI_VERSION}: check its internal paths, then update UNDICI_VERSION`,
      );
    }
    const here = (file) => fileURLToPath(new URL(`./undici/${file}`, import.meta.url));
    build.onResolve({ filter: /^undici$/ }, () => ({ path: here('narrow.cjs') }));
    build.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) =>
      args.importer.endsWith('/undici/lib/dispatcher/client.js') ? { path: here('client-h2-lazy.cjs') } : undefined,
    );
  },
};

/** conf without what only its schema and migration options use (see scripts/conf/no-schema.cjs). */
const confWithoutSchemas = {
  name: 'conf-without-schemas',
  setup(build) {
    const stub = fileURLToPath(new URL('./conf/no-schema.cjs', import.meta.url));
    build.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: stub } : undefined,
    );
  },
};
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
