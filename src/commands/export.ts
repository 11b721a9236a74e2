/** `tango export [customer ...]`: the live state as a state file (docs/state.md). Its work loads only when it runs. */
import { Command } from 'commander';
import { action, examples } from './action.js';
import { collectByRule } from './parse.js';

export interface ExportFlags {
  file?: string;
  force?: boolean;
}

export function exportCommand(): Command {
  return new Command('export')
    .description('write customers, accounts, funding emails and low-balance alerts as a state file')
    .argument('[customer...]', 'only these customers (default: every customer)', collectByRule('customerIdentifier'))
    .option('-f, --file <file>', 'write to this file (.yaml, .yml or .json) instead of stdout')
    .option('--force', 'replace the file if it exists')
    .addHelpText(
      'after',
      `
YAML on stdout (JSON with -o json or --json); with --file, the format its
extension names. Applying what export wrote changes nothing.
The format: docs/state.md.
${examples(
  ['tango export > platform.yaml', 'every customer'],
  ['tango export acme-co globex-co -f clients.yaml', 'two customers, into a file'],
  ['tango export acme-co --json', 'as JSON'],
)}`,
    )
    .action(
      action(async (ctx, customers: string[] | undefined, flags: ExportFlags) => {
        const { exportState } = await import('../state/export.js');
        await exportState(ctx, customers ?? [], flags);
      }),
    );
}
