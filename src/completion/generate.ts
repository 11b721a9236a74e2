/** One entry for the generator: the commander tree in, a shell's script out. */
import type { Command } from 'commander';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { buildModel, type CompletionModel } from './model.js';
import type { Shell } from './shells.js';
import { zshScript } from './zsh.js';

const RENDERERS: Record<Shell, (model: CompletionModel) => string> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

/** Where each script lives in the repository (and in the npm package). */
export const COMPLETION_FILES: Record<Shell, string> = {
  bash: 'completions/tango.bash',
  zsh: 'completions/_tango',
  fish: 'completions/tango.fish',
};

export function completionScript(shell: Shell, program: Command): string {
  return RENDERERS[shell](buildModel(program));
}
