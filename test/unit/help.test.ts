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
      const examples = text.slice(text.indexOf('Examples:'));

      expect(text).toContain('Examples:');
      expect(text.trimEnd().endsWith(examples.trimEnd())).toBe(true);
      expect(examples).toMatch(/\$ tango /);
    },
  );
});
