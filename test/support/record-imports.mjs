// Preloaded with `node --import`: records every module URL the process resolves into the file
// named by TANGO_IMPORT_LOG, so a test can see what a command really loaded. Node's own modules
// reach a bundle through require() as well, which no ESM hook sees: at exit, every built-in module
// the process loaded is added as `node:<name>` (internal ones too, e.g. node:internal/deps/undici/undici,
// Node's own copy of undici that globalThis.fetch and Headers load).
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);

process.on('exit', () => {
  if (!process.env.TANGO_IMPORT_LOG) return;
  const builtins = process.moduleLoadList
    .filter((entry) => entry.startsWith('NativeModule '))
    .map((entry) => `node:${entry.slice('NativeModule '.length)}`);
  appendFileSync(process.env.TANGO_IMPORT_LOG, `${builtins.join('\n')}\n`);
});
