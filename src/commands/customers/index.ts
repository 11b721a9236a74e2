import { Command } from 'commander';
import { customersCreateCommand } from './create.js';
import { customersGetCommand } from './get.js';
import { customersListCommand } from './list.js';

export function customersCommand(): Command {
  return new Command('customers')
    .alias('groups')
    .description('list, show and create customers (also called groups)')
    .addCommand(customersListCommand())
    .addCommand(customersGetCommand())
    .addCommand(customersCreateCommand());
}
