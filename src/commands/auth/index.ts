import { Command } from 'commander';
import { examples } from '../action.js';
import { authLoginCommand } from './login.js';
import { authLogoutCommand } from './logout.js';
import { authStatusCommand } from './status.js';

export function authCommand(): Command {
  return new Command('auth')
    .description('store, check and remove credentials, per profile')
    .addHelpText(
      'after',
      examples(
        ['tango auth login', 'store credentials, asked at a terminal'],
        ['tango auth status', 'which credentials are in use, and do they work'],
      ),
    )
    .addCommand(authLoginCommand())
    .addCommand(authStatusCommand())
    .addCommand(authLogoutCommand());
}
