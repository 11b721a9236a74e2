/** `tango completion bash|zsh|fish`: prints the completion script, the same text as completions/. */
import { Argument, Command } from 'commander';
import { SHELLS, type Shell } from '../completion/shells.js';
import { runtime } from '../runtime.js';
import { examples } from './action.js';

export function completionCommand(): Command {
  return new Command('completion')
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
    )
    .action(async (shell: Shell, _options: unknown, command: Command) => {
      // The generator loads only here, so `tango --help` never pays for it.
      const { completionScript } = await import('../completion/generate.js');
      runtime().stdout.write(completionScript(shell, rootOf(command)));
    });
}

/** The program this command belongs to: the scripts cover the whole tree, not this command. */
function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}
