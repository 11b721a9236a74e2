// The esbuild plugin both builds use (scripts/build.mjs, scripts/build-binary.mjs): `undici` is only
// what tango uses. See narrow.cjs and client-h2-lazy.cjs beside this file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

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
export const narrowUndici = {
  name: 'narrow-undici',
  setup(build) {
    const installed = JSON.parse(
      readFileSync(new URL('../../node_modules/undici/package.json', import.meta.url), 'utf8'),
    );
    if (installed.version !== UNDICI_VERSION || pkg.devDependencies.undici !== UNDICI_VERSION) {
      throw new Error(
        `undici ${installed.version} is installed (package.json asks for ${pkg.devDependencies.undici}), but ` +
          `scripts/undici/ is written against ${UNDICI_VERSION}: check its internal paths, then update UNDICI_VERSION`,
      );
    }
    const here = (file) => fileURLToPath(new URL(`./${file}`, import.meta.url));
    build.onResolve({ filter: /^undici$/ }, () => ({ path: here('narrow.cjs') }));
    build.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) =>
      args.importer.endsWith('/undici/lib/dispatcher/client.js') ? { path: here('client-h2-lazy.cjs') } : undefined,
    );
  },
};
