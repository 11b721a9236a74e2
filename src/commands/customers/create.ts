/**
 * `tango customers create`: checks every value before sending, asks for missing ones at a
 * terminal, never creates twice (see src/api/create.ts), and with --if-not-exists accepts an
 * identical existing customer.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { type CreateCustomerBody, validateCreateCustomer } from '../../domain/rules.js';
import { customerView } from '../../output/columns.js';
import { action, examples } from '../action.js';
import { addYesOption, confirmWrite } from '../confirm-write.js';
import { printDryRun } from '../dry-run.js';
import { addOutcomeOption, checkOutcome, printCreated } from '../report-create.js';
import { completeBody } from '../values.js';

interface CreateOptions {
  identifier?: string;
  displayName?: string;
  ifNotExists?: boolean;
  outcome?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

export function customersCreateCommand(): Command {
  const command = new Command('create')
    .description('create a customer (a group of accounts)')
    .option('--identifier <id>', "the customer identifier: 5-100 letters, digits or '-'")
    .option('--display-name <name>', 'a friendly name: 5-100 letters, digits, punctuation, symbols or spaces; no emoji')
    .option('--if-not-exists', 'succeed when the customer already exists with the same display name')
    .option('--dry-run', 'print the request that would be sent, and send nothing');
  return addYesOption(addOutcomeOption(command))
    .addHelpText(
      'after',
      examples(
        ['tango customers create', 'asks for the values at a terminal'],
        ['tango customers create --identifier acme-co --display-name "Acme Co"', 'for scripts'],
        ['tango customers create --identifier acme-co --display-name "Acme Co" --if-not-exists', 'safe to repeat'],
        ['tango customers create --identifier acme-co --display-name "Acme Co" --dry-run', 'show the request only'],
        ['tango customers create ... --if-not-exists --json --outcome | jq -r .outcome', 'created or existed'],
      ),
    )
    .action(action(create));
}

async function create(ctx: Context, opts: CreateOptions): Promise<void> {
  ctx.output.checkFields(customerView);
  checkOutcome(ctx, opts.outcome);
  const body = await gather(ctx, opts);
  const { requests } = await import('../../api/tango.js');
  if (opts.dryRun) return printDryRun(ctx, requests.createCustomer(body));
  await confirmWrite(ctx, `create customer ${body.customerIdentifier}`, opts.yes);
  const { createCustomer } = await import('../../api/create.js');
  const result = await createCustomer(await ctx.api(), body, { ifNotExists: opts.ifNotExists });
  await printCreated(ctx, `customer ${body.customerIdentifier}`, result, customerView, opts.outcome);
}

function gather(ctx: Context, opts: CreateOptions): Promise<CreateCustomerBody> {
  return completeBody<CreateCustomerBody>(
    ctx,
    { customerIdentifier: opts.identifier, displayName: opts.displayName },
    validateCreateCustomer,
    {
      customerIdentifier: { message: 'Customer identifier', rule: 'customerIdentifier' },
      displayName: { message: 'Display name', rule: 'displayName' },
    },
  );
}
