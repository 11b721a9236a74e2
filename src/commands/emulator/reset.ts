/**
 * `tango emulator reset`: empties the state of the embedded emulator (`--env local`), or of a
 * `tango emulator start --data` file, so a rehearsal starts from nothing. Asks first at a terminal.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { action, examples } from '../action.js';
import { confirmOrYes } from '../prompt.js';
import { dataFileOption, openEmulatorData } from './data.js';

interface ResetFlags {
  data?: string;
  yes?: boolean;
}

export function emulatorResetCommand(): Command {
  return new Command('reset')
    .description('remove every customer and account from the local emulator (--env local), or from a --data file')
    .addOption(dataFileOption())
    .option('-y, --yes', 'do not ask for confirmation (needed without a terminal)')
    .addHelpText(
      'after',
      examples(
        ['tango emulator reset', 'asks, then empties what --env local uses'],
        ['tango emulator reset --yes && tango emulator seed --customers 20', 'a fresh rehearsal, in a script'],
        ['tango emulator reset --data ./emulator.json --yes', 'the file of `tango emulator start --data`'],
      ),
    )
    .action(action(reset));
}

async function reset(ctx: Context, flags: ResetFlags): Promise<void> {
  const data = await openEmulatorData(ctx, flags.data);
  try {
    await confirmOrYes(ctx, flags.yes, `Remove every customer and account from ${data.path}?`);
    const removed = await data.store.write((state) => state.clear());
    ctx.log.success(`Removed ${removed.customers} customers and ${removed.accounts} accounts from ${data.path}.`);
  } finally {
    await data.store.close();
  }
}
