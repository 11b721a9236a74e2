/** `tango help [command...]`, plus the topic `tango help exit-codes`. */
import { Command } from 'commander';
import { type ExitCodeValue, exitCodeTable } from '../errors.js';
import { action, examples } from './action.js';

/**
 * An exit-code table as help shows it: "    2  meaning", a meaning's further lines under its first.
 * Every table a command prints goes through here, with codes from src/errors.ts.
 */
export function exitCodesText(rows: ReadonlyArray<readonly [ExitCodeValue, string]> = exitCodeTable): string {
  const lines = rows.map(
    ([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning.replaceAll('\n', `\n${' '.repeat(7)}`)}`,
  );
  return `Exit codes:\n${lines.join('\n')}\n`;
}

export function helpCommand(program: Command): Command {
  return new Command('help')
    .description('show help for a command, or a topic: exit-codes')
    .argument('[command...]', 'a command, such as "accounts list", or "exit-codes"')
    .addHelpText(
      'after',
      examples(
        ['tango help accounts list', 'help for one command'],
        ['tango help exit-codes', 'what each exit code means'],
      ),
    )
    .action(
      action(async (ctx, words: string[]) => {
        if (words.join(' ') === 'exit-codes') return ctx.output.text(exitCodesText());
        let target = program;
        for (const word of words) {
          const next = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
          if (!next)
            return program.error(`error: unknown command or topic '${words.join(' ')}'`, {
              exitCode: 2,
              code: 'tango.unknownTopic',
            });
          target = next;
        }
        // Through commander's own output, which run() points at the Context's stdout.
        target.outputHelp();
      }),
    );
}
