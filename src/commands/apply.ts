/** `tango apply -f state.yaml`: make the platform match a state file. Its work loads only when it runs. */
import { Command } from 'commander';
import { action, examples, sendsMany } from './action.js';

export interface ApplyFlags {
  file: string;
  yes?: boolean;
  pruneAlerts?: boolean;
}

export function applyCommand(): Command {
  const command = new Command('apply')
    .description('create and update customers, accounts and alerts until the platform matches a state file')
    .requiredOption('-f, --file <file>', 'the state file (.yaml, .yml or .json; "-" reads stdin)')
    .option('-y, --yes', 'apply without asking (needed when there is no terminal to ask at)')
    .option('--prune-alerts', 'also delete the alerts the file does not name, on accounts whose alerts it lists')
    .addHelpText(
      'after',
      `
Shows the plan tango diff shows, asks, then creates and updates in order:
customers, accounts, alerts. Nothing is ever deleted but alerts with
--prune-alerts (the API cannot delete customers or accounts). A conflict (a
customer's display name, an account's currency) sends nothing: exit 5.
A progress line per change on stderr; the report on stdout. Ctrl-C lets the
change in flight finish and exits 130; running it again does what is left.
The format: docs/state.md.
${examples(
  ['tango apply -f platform.yaml', 'shows the plan, asks, applies'],
  ['tango apply -f platform.yaml --yes --json', 'for scripts: no question, the report as JSON'],
  ['tango apply -f platform.yaml --prune-alerts', "also delete alerts the file doesn't list"],
)}`,
    )
    .action(
      action(async (ctx, flags: ApplyFlags) => {
        const { applyState } = await import('../state/apply.js');
        await applyState(ctx, flags);
      }),
    );
  return sendsMany(command, () => true);
}
