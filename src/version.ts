/** Replaced at build time by scripts/build.mjs from package.json; the fallback serves tests run from source. */
declare const __TANGO_VERSION__: string | undefined;

export const VERSION: string = typeof __TANGO_VERSION__ === 'string' ? __TANGO_VERSION__ : '0.0.0-dev';
