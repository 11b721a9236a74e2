import { Command } from 'commander';
import { examples } from '../action.js';
import { alertsCreateCommand } from './create.js';
import { alertsDeleteCommand } from './delete.js';
import { alertsGetCommand } from './get.js';
import { alertsListCommand } from './list.js';
import { alertsUpdateCommand } from './update.js';

export function alertsCommand(): Command {
  return new Command('alerts')
    .description("list, show, create, update and delete an account's low-balance alerts")
    .addHelpText(
      'after',
      examples(
        ['tango alerts list acme-co acme-main', "the account's alerts"],
        [
          'tango alerts create acme-co acme-main --display-name "Main budget low" --threshold 500 --email ops@acme.example',
          'tell ops when the balance falls below 500',
        ],
        ['tango alerts update acme-co acme-main <alert-id> --threshold 250', 'a lower threshold'],
        ['tango alerts delete acme-co acme-main <alert-id> --yes', 'remove it, from a script'],
      ),
    )
    .addCommand(alertsListCommand())
    .addCommand(alertsGetCommand())
    .addCommand(alertsCreateCommand())
    .addCommand(alertsUpdateCommand())
    .addCommand(alertsDeleteCommand());
}
