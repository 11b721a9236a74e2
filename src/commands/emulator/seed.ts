/**
 * `tango emulator seed`: adds sample customers and accounts (statuses, currencies, balances and
 * dates spread as on a real platform) to the embedded emulator's state, so a cron script can be
 * rehearsed on realistic data with `--env local`. Adds to what is there; `reset` empties it first.
 */
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { action, examples } from '../action.js';
import { dataFileOption, openEmulatorData } from './data.js';
import { numberFlag } from './flags.js';

interface SeedFlags {
  data?: string;
  customers: number;
  accounts: number;
  randomSeed?: number;
}

export function emulatorSeedCommand(): Command {
  return new Command('seed')
    .description('add sample customers and accounts to the local emulator (--env local), or to a --data file')
    .addOption(new Option('--customers <n>', 'how many customers to add').argParser(numberFlag('seed')).default(5))
    .addOption(
      new Option('--accounts <n>', 'accounts per added customer').argParser(numberFlag('seedAccounts')).default(3),
    )
    .addOption(
      new Option('--random-seed <n>', 'seed of the generator, for the same data every time').argParser(
        numberFlag('randomSeed'),
      ),
    )
    .addOption(dataFileOption())
    .addHelpText(
      'after',
      examples(
        ['tango emulator seed', 'five customers with three accounts each'],
        ['tango emulator seed --customers 50 --accounts 200', 'a bigger platform'],
        ['tango emulator reset --yes && tango emulator seed --random-seed 7', 'the same data on every run'],
        ['tango --env local accounts list --status FROZEN', 'then rehearse on it'],
      ),
    )
    .action(action(seed));
}

async function seed(ctx: Context, flags: SeedFlags): Promise<void> {
  const { seedState } = await import('../../emulator/seed.js');
  const { createRandom } = await import('../../emulator/random.js');
  const random = createRandom(flags.randomSeed ?? Math.floor(Math.random() * 2 ** 32));
  const data = await openEmulatorData(ctx, flags.data);
  try {
    const total = await data.store.write((state) => {
      seedState(state, { customers: flags.customers, accountsPerCustomer: flags.accounts, random, now: new Date() });
      return { customers: state.customers.length, accounts: state.accounts.length };
    });
    ctx.log.success(
      `Added ${flags.customers} customers with ${flags.accounts} accounts each to ${data.path} ` +
        `(now ${total.customers} customers, ${total.accounts} accounts).`,
    );
  } finally {
    await data.store.close();
  }
}
