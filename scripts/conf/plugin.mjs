// The esbuild plugin both builds use (scripts/build.mjs, scripts/build-binary.mjs).
import { fileURLToPath } from 'node:url';

/** conf without what only its schema and migration options use (see scripts/conf/no-schema.cjs). */
export const confWithoutSchemas = {
  name: 'conf-without-schemas',
  setup(build) {
    const stub = fileURLToPath(new URL('./no-schema.cjs', import.meta.url));
    build.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: stub } : undefined,
    );
  },
};
