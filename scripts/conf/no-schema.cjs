// What conf imports for schemas (ajv, ajv-formats) and migrations (semver), in the bundle. conf uses
// them only when given a `schema` or `migrations`, and tango's profile store (src/config/store.ts)
// gives neither; leaving them out takes 380 KB (ajv is most of it) off the chunk every config write
// loads. Should a later tango pass either option, it fails loudly here instead of validating nothing.
'use strict';

function unused(what) {
  return () => {
    throw new Error(`tango bundles conf without ${what}: pass conf no schema and no migrations (scripts/build.mjs)`);
  };
}

class Ajv2020 {
  constructor() {
    unused('ajv')();
  }
}

module.exports = {
  Ajv2020,
  default: unused('ajv-formats'),
  eq: unused('semver'),
  clean: unused('semver'),
  satisfies: unused('semver'),
  lte: unused('semver'),
  gt: unused('semver'),
};
