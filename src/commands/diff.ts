/** `tango diff -f state.yaml`: what applying the file would change. Its work loads only when it runs. */
import { Command } from 'commander';
import { action, examples } from './action.js';

export interface DiffFlags {
  file: string;
  pruneAlerts?: boolean;
}

export function diffCommand(): Command {
  return new Command('diff')
    .description('show what applying a state file would create, change or leave alone')
    .requiredOption('-f, --file <file>', 'the state file (.yaml, .yml or .json; "-" reads stdin)')
    .option('--prune-alerts', 'also show the alerts apply --prune-alerts would delete')
    .addHelpText(
      'after',
      `
Per resource and field: + create, ~ change, - delete, = unchanged, ! conflict
(the API cannot make that change: a customer's display name, an account's
currency). --json for machines. Exit 0: no differences; 8: differences found;
5: a conflict (it outranks a difference). The format: docs/state.md.
${examples(
  ['tango diff -f platform.yaml', 'what apply would do'],
  ['tango diff -f platform.yaml --json', 'the changes as JSON'],
  ['tango diff -f platform.yaml > /dev/null; echo $?', 'in cron: 0 in sync, 8 drift, 5 conflict'],
)}`,
    )
    .action(
      action(async (ctx, flags: DiffFlags) => {
        const { diffState } = await import('../state/diff.js');
        await diffState(ctx, flags);
      }),
    );
}
