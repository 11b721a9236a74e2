import { Command } from 'commander';
import { examples } from '../action.js';
import { emulatorResetCommand } from './reset.js';
import { emulatorSeedCommand } from './seed.js';
import { emulatorStartCommand } from './start.js';

export function emulatorCommand(): Command {
  return new Command('emulator')
    .description('run a local server that behaves like the Tango API, for trying the tool and testing scripts')
    .addHelpText(
      'after',
      examples(
        ['tango emulator start --port 4010 --seed 5', 'a server with sample data'],
        ['tango --env local customers list', 'the same emulator inside the CLI, nothing to start'],
        ['tango emulator seed --customers 20', 'sample data for --env local'],
        ['tango emulator reset --yes', 'empty --env local again'],
      ),
    )
    .addCommand(emulatorStartCommand())
    .addCommand(emulatorResetCommand())
    .addCommand(emulatorSeedCommand());
}
