/**
 * The commander tree: global options and every command. Building it imports only commander and
 * the command definitions; each action loads what it needs when it runs. The completion
 * generator walks this same tree.
 */
import { Command, Help, Option } from 'commander';
import { accountsCommand } from './commands/accounts/index.js';
import { examples } from './commands/action.js';
import { alertsCommand } from './commands/alerts/index.js';
import { apiCommand } from './commands/api/index.js';
import { applyCommand } from './commands/apply.js';
import { authCommand } from './commands/auth/index.js';
import { completionCommand } from './commands/completion.js';
import { configCommand } from './commands/config/index.js';
import { customersCommand } from './commands/customers/index.js';
import { diffCommand } from './commands/diff.js';
import { emulatorCommand } from './commands/emulator/index.js';
import { exportCommand } from './commands/export.js';
import { helpCommand } from './commands/help.js';
import { onboardCommand } from './commands/onboard.js';
import { bySetting, refuseEmptyValues } from './commands/parse.js';
import { completeWith } from './completion/values.js';
import { ENV_NAMES } from './config/environments.js';
import { NUMBER_SETTINGS } from './config/limits.js';
import { OUTPUT_FORMATS } from './config/settings.js';
import { VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('tango')
    .description('Admin tool for Tango RaaS v2 customers (groups) and accounts.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      examples(
        ['tango --env local customers list', 'try it on the built-in emulator'],
        ['tango auth login', 'store credentials for the sandbox or production'],
        ['tango accounts list acme-co --json', 'JSON for scripts'],
        ['tango onboard', 'set up a new client step by step'],
        ['tango help exit-codes', 'what each exit code means'],
      ),
    );
  addGlobalOptions(program);

  program.addCommand(customersCommand());
  program.addCommand(accountsCommand());
  program.addCommand(alertsCommand());
  program.addCommand(apiCommand());
  program.addCommand(authCommand());
  program.addCommand(onboardCommand());
  program.addCommand(exportCommand());
  program.addCommand(diffCommand());
  program.addCommand(applyCommand());
  program.addCommand(configCommand());
  program.addCommand(emulatorCommand());
  program.addCommand(completionCommand());
  program.addCommand(helpCommand(program));
  refuseEmptyValues(allCommands(program));
  for (const command of allCommands(program)) command.configureHelp(HELP_LAYOUT);
  return program;
}

/**
 * Every subcommand's help lists the options it inherits from `tango` under their own heading, as
 * gh's "INHERITED FLAGS" does: a reader of `tango accounts list --help` sees --json and --profile too.
 */
const HELP_LAYOUT: Partial<Help> = {
  showGlobalOptions: true,
  // Descriptions wrap in their column down to 20 characters (commander's own floor, 40, left
  // whole lines unwrapped at 80 columns beside long terms, and on every narrow terminal).
  minWidthToWrap: 20,
  // --version is about tango itself, not something to add to a subcommand.
  visibleGlobalOptions(cmd) {
    return Help.prototype.visibleGlobalOptions.call(this, cmd).filter((option) => option.long !== '--version');
  },
  formatItemList(heading, items, helper) {
    return Help.prototype.formatItemList.call(
      helper,
      heading === 'Global Options:' ? 'Global options:' : heading,
      items,
      helper,
    );
  },
};

function addGlobalOptions(program: Command): void {
  program
    .addOption(
      completeWith(
        new Option('-p, --profile <name>', 'stored profile to use (default: "default")').env('TANGO_PROFILE'),
        'profiles',
      ),
    )
    .addOption(
      new Option('--env <name>', 'API environment; local runs the built-in emulator')
        .choices(ENV_NAMES)
        .env('TANGO_ENV'),
    )
    .addOption(
      new Option('--base-url <url>', 'any other server (https, or http to loopback only)').env('TANGO_BASE_URL'),
    )
    .addOption(
      new Option('-o, --output <format>', 'output format; text: values only, tab-separated (default: table)')
        .choices(OUTPUT_FORMATS)
        .env('TANGO_OUTPUT'),
    )
    .option('--json', 'short for --output json')
    .option('--fields <list>', 'comma-separated fields to show, by their API names')
    .option('--csv-raw', "CSV cells as they are: no ' before a cell a spreadsheet would run as a formula")
    .option('--query <jmespath>', 'JMESPath applied to the JSON output before it is printed (see README)')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .option('-v, --verbose', 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)')
    .option('-q, --quiet', 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)')
    .addOption(
      new Option(
        '--error-format <format>',
        'errors on stderr as text or one JSON object (default: json with -o json/ndjson)',
      ).choices(['text', 'json']),
    )
    .option('--no-input', 'never prompt; a missing value is an error (also when CI is set or there is no terminal)')
    .option(
      '--timeout <seconds>',
      `per-request timeout in seconds (default: ${NUMBER_SETTINGS.timeout.default})`,
      bySetting('timeout'),
    )
    .option(
      '--max-retries <n>',
      `retries on 429, 5xx and network errors (default: ${NUMBER_SETTINGS['max-retries'].default})`,
      bySetting('max-retries'),
    )
    .option(
      '--rate <requests/s>',
      'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)',
      bySetting('rate'),
    );
}

/** Every command in the tree, depth first; for settings that must reach all of them. */
export function allCommands(root: Command): Command[] {
  return [root, ...root.commands.flatMap((c) => allCommands(c))];
}
