// npm run demo: the tool's main job on the embedded emulator (no credentials, no network):
// create a customer and two accounts, then list them. Safe to run again (--if-not-exists).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/tango.js', import.meta.url));

function tango(...args) {
  process.stderr.write(`\n$ tango --env local ${args.map((a) => (/[\s"]/.test(a) ? `"${a}"` : a)).join(' ')}\n`);
  const result = spawnSync(process.execPath, [BIN, '--env', 'local', ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

tango(
  'customers',
  'create',
  '--identifier',
  'zanzibar-health',
  '--display-name',
  'Zanzibar Health Group',
  '--if-not-exists',
);
tango(
  'accounts',
  'create',
  'zanzibar-health',
  '--identifier',
  'zhg-wellness',
  '--display-name',
  'Employee Wellness',
  '--contact-email',
  'wellness@zanzibar.example',
  '--funding-email',
  'finance@zanzibar.example',
  '--if-not-exists',
);
tango(
  'accounts',
  'create',
  'zanzibar-health',
  '--identifier',
  'zhg-clients',
  '--display-name',
  'Client Engagement',
  '--contact-email',
  'clients@zanzibar.example',
  '--currency',
  'EUR',
  '--if-not-exists',
);
tango('accounts', 'list', 'zanzibar-health');
process.stderr.write('\nDone. Try: npx tango --env local customers get zanzibar-health\n');
