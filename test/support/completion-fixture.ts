/**
 * A small command tree shaped like the customers/accounts commands, built the way their files
 * build flags, for testing the generator on values the real tree may not have yet.
 */
import { Argument, Command, Option } from 'commander';
import { byRule, collectByRule } from '../../src/commands/parse.js';
import { completeWith } from '../../src/completion/values.js';

export function fixtureProgram(): Command {
  const program = new Command('tango')
    .addOption(completeWith(new Option('-p, --profile <name>', 'stored profile'), 'profiles'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']))
    .helpCommand(false);
  program.addCommand(
    new Command('customers')
      .description('customers')
      .addCommand(new Command('list').description('list customers'))
      .addCommand(new Command('get').description('one customer').argument('<customer>', 'its identifier'))
      .addCommand(new Command('create').option('--identifier <id>', 'a new identifier')),
  );
  program.addCommand(
    new Command('accounts')
      .description('accounts')
      .alias('acc')
      .addCommand(
        new Command('list')
          .argument('<customer>', 'whose accounts')
          .option('--status <status>', 'account status', byRule('status'))
          .option('--currency <code>', 'currency, repeatable', collectByRule('currencyCode'))
          .option('--start-after <date>', 'only after this date')
          .option('-o, --output <format>', 'shadows the global one', 'table'),
      )
      .addCommand(
        new Command('import')
          .addArgument(new Argument('<customer>'))
          .addOption(new Option('--mode <mode>').choices(['create', 'upsert']))
          .option('--file <path>', 'CSV or JSON'),
      ),
  );
  return program;
}
