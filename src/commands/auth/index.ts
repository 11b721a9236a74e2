import { Command } from 'commander';
import { authLoginCommand } from './login.js';
import { authLogoutCommand } from './logout.js';
import { authStatusCommand } from './status.js';

export function authCommand(): Command {
  return new Command('auth')
    .description('store, check and remove credentials, per profile')
    .addCommand(authLoginCommand())
    .addCommand(authStatusCommand())
    .addCommand(authLogoutCommand());
}
