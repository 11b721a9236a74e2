// Preloaded with `node --import`: records every module URL the process resolves into the file
// named by TANGO_IMPORT_LOG, so a test can see what a command really loaded.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);
