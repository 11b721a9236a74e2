/** `tango completion bash|zsh|fish`: prints the completion script, the same text as completions/. */
import { Argument, Command } from 'commander';
import { SHELLS, type Shell } from '../completion/shells.js';
import { action, examples, rootOf } from './action.js';

export function completionCommand(): Command {
  const command = new Command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell to write for').choices(SHELLS))
    .addHelpText(
      'after',
      examples(
        ['source <(tango completion bash)', 'bash, this shell only'],
        ['tango completion bash > ~/.local/share/bash-completion/completions/tango', 'bash, for good'],
        ['tango completion zsh > ~/.zfunc/_tango', 'zsh: ~/.zfunc on $fpath before compinit'],
        ['tango completion fish > ~/.config/fish/completions/tango.fish', 'fish'],
      ),
    );
  return command.action(
    action(async (ctx, shell: Shell) => {
      // The generator loads only here, so `tango --help` never pays for it.
      const { completionScript } = await import('../completion/generate.js');
      // The scripts cover the whole program, not this command.
      await ctx.output.text(completionScript(shell, rootOf(command)));
    }),
  );
}
