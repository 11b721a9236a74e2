import { Command } from 'commander';
import { accountsCreateCommand } from './create.js';
import { accountsGetCommand } from './get.js';
import { accountsListCommand } from './list.js';
import { accountsUpdateCommand } from './update.js';

export function accountsCommand(): Command {
  return new Command('accounts')
    .description("list, show, create and update a customer's accounts")
    .addCommand(accountsListCommand())
    .addCommand(accountsGetCommand())
    .addCommand(accountsCreateCommand())
    .addCommand(accountsUpdateCommand());
}
