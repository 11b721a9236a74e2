/**
 * The process entry. `tango --version` is answered before anything else loads, because scripts
 * call it to probe for the tool; everything else goes through the full program.
 */
import { VERSION } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { start } = await import('./start.js');
  await start(args);
}
