import { Command } from 'commander';
import { emulatorStartCommand } from './start.js';

export function emulatorCommand(): Command {
  return new Command('emulator')
    .description('run a local server that behaves like the Tango API, for trying the tool and testing scripts')
    .addCommand(emulatorStartCommand());
}
