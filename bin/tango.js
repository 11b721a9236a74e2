#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node starts a CommonJS script without setting up its ES
// module loader, which costs about 6 ms (a fifth of Node's own start-up). `tango --version`, which
// scripts call to probe for the tool, is answered here and never pays it; everything else loads the
// ES module bundle in dist/.
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  import('../dist/cli.js');
}
