import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { allCommands, buildProgram } from '../../src/program.js';

function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: () => {} });
  command.outputHelp();
  return text;
}

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

describe('help', () => {
  const commands = allCommands(buildProgram());

  it.each(commands.map((c) => [pathOf(c), c] as const))(
    '%s --help ends with examples of real commands',
    (_path, command) => {
      const text = helpOf(command);
      const examples = text.slice(text.indexOf('Examples:')).trimEnd().split('\n').slice(1);

      expect(text).toContain('Examples:');
      expect(examples.length).toBeGreaterThan(0);
      // Nothing after the block: each line runs tango (`$ ... tango ...`) or is the comment above one (`# ...`).
      for (const line of examples) expect(line).toMatch(/^ {2}(\$ .*\btango\b|# )/);
    },
  );
});
