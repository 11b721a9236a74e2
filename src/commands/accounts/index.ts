import { Command } from 'commander';
import { examples } from '../action.js';
import { accountsCreateCommand } from './create.js';
import { accountsGetCommand } from './get.js';
import { accountsImportCommand } from './import.js';
import { accountsListCommand } from './list.js';
import { accountsUpdateCommand } from './update.js';

export function accountsCommand(): Command {
  return new Command('accounts')
    .description("list, show, create, update and import a customer's accounts")
    .addHelpText(
      'after',
      examples(
        ['tango accounts list acme-co --status ACTIVE', "a customer's active accounts"],
        [
          'tango accounts create acme-co --identifier acme-rewards --display-name "Acme Rewards" --contact-email ops@acme.example',
          'a new account',
        ],
        [
          'tango accounts update acme-co acme-rewards --funding-email finance@acme.example',
          'replace the funding emails',
        ],
        ['tango accounts import acme-co --file accounts.csv --report report.json', 'many at once'],
      ),
    )
    .addCommand(accountsListCommand())
    .addCommand(accountsGetCommand())
    .addCommand(accountsCreateCommand())
    .addCommand(accountsUpdateCommand())
    .addCommand(accountsImportCommand());
}
