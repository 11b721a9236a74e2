/**
 * The ES module entry, loaded by bin/tango.js for everything but `tango --version` (which the bin
 * answers itself, before Node sets up its ES module loader).
 */
import module from 'node:module';

/**
 * From Node 22.1, V8's compiled code can be kept on disk (in the OS temp folder) between runs, so
 * later runs skip compiling the chunks they load: measured 5-9 % less CPU for a request on 22 and 24
 * (README, Performance). Feature-checked, so Node 20, which lacks it, runs as before.
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
function keepCompiledCode(): void {
  const { enableCompileCache } = module as { enableCompileCache?: () => unknown };
  enableCompileCache?.();
}

keepCompiledCode();
const { start } = await import('./start.js');
await start(process.argv.slice(2));
