/**
 * The entry of the single executable (`npm run build:binary`): Node's single executable applications
 * run one CommonJS script, so this is src/main.ts without its top-level await (and without the
 * compile cache, which the executable replaces with the code cache built into it).
 */
import { start } from './start.js';

void start(process.argv.slice(2));
