import { Command } from 'commander';
import { examples } from '../action.js';
import { customersCreateCommand } from './create.js';
import { customersGetCommand } from './get.js';
import { customersListCommand } from './list.js';

export function customersCommand(): Command {
  return new Command('customers')
    .alias('groups')
    .description('list, show and create customers (also called groups)')
    .addHelpText(
      'after',
      examples(
        ['tango customers list', 'every customer, with its number of accounts'],
        ['tango customers get acme-co', 'one customer and its accounts'],
        ['tango customers create --identifier acme-co --display-name "Acme Co"', 'a new customer'],
      ),
    )
    .addCommand(customersListCommand())
    .addCommand(customersGetCommand())
    .addCommand(customersCreateCommand());
}
