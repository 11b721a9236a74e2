// esbuild plugins that keep work out of every start, for both builds (scripts/build.mjs and
// scripts/build-binary.mjs). Each undoes one thing a bundled dependency does when it loads that
// tango never needs; each was measured with `perf stat` (CPU time, median of 21 runs, Node 20).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** A module beside this file (real files, so the source maps name them the same in every build). */
const here = (file) => fileURLToPath(new URL(`./${file}`, import.meta.url));

/**
 * `node:process` as the global process object. A dependency that says `import process from
 * 'node:process'` (chalk's supports-color, conf) makes Node build the ES module face of the process
 * object, which reads every property once: `process.stdin` among them, so a command that never reads
 * its input opens it anyway (about 6 ms). The global is the same object, read only where used.
 */
const globalProcess = {
  name: 'global-process',
  setup(build) {
    // require('node:process') already returns the object itself: only ES imports are redirected.
    build.onResolve({ filter: /^(node:)?process$/ }, (args) =>
      args.kind === 'import-statement' ? { path: here('global-process.mjs') } : undefined,
    );
  },
};

const EAGER_CHILD_PROCESS = "const childProcess = require('node:child_process');";
const LAZY_CHILD_PROCESS = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";

/**
 * commander requires node:child_process when it loads, for one feature tango does not use:
 * subcommands that are separate executables. It brings net, dgram and their internals (about 4 ms);
 * here it is required when first used.
 */
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // A commander upgrade that changes this fails the build rather than loading it eagerly again.
      if (!source.includes(EAGER_CHILD_PROCESS))
        throw new Error(`commander changed: ${args.path} no longer has ${EAGER_CHILD_PROCESS}`);
      const uses = [...new Set(source.match(/childProcess\.\w+/g))];
      if (uses.some((use) => use !== 'childProcess.spawn')) throw new Error(`commander now uses ${uses.join(', ')}`);
      return { contents: source.replace(EAGER_CHILD_PROCESS, LAZY_CHILD_PROCESS), loader: 'js' };
    });
  },
};

/**
 * chalk without its colour sniffing. chalk works out a default level when it loads (supports-color
 * loads node:tty and asks whether each stream is a terminal, about 3 ms), for its default instance;
 * tango never uses that instance: src/output/color.ts decides colour itself and builds
 * `new Chalk({ level })`. The default instance gets level 0.
 */
const chalkWithoutSniffing = {
  name: 'chalk-without-sniffing',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: here('no-color-sniffing.mjs') } : undefined,
    );
  },
};

export const startUpPlugins = [globalProcess, commanderLazyChildProcess, chalkWithoutSniffing];
