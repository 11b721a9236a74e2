import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { allCommands, buildProgram } from '../../src/program.js';
import { runInProcess } from '../support/in-process.js';

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

describe('global options in every subcommand help', () => {
  const program = buildProgram();
  const subcommands = allCommands(program).filter((c) => c !== program);

  it.each(subcommands.map((c) => [pathOf(c), c] as const))(
    '%s --help lists them under "Global options:"',
    (_path, command) => {
      const text = helpOf(command);
      const global = text.slice(text.indexOf('\nGlobal options:\n'));

      expect(text).toContain('\nGlobal options:\n');
      for (const flag of ['-p, --profile <name>', '--env <name>', '--json', '-q, --quiet', '--no-input']) {
        expect(global).toContain(`  ${flag}`);
      }
      // tango's own --version is not something to add to a subcommand.
      expect(global).not.toContain('--version');
    },
  );

  it('tango --help has them as its own options, with no second list', () => {
    const text = helpOf(program);

    expect(text).toContain('Options:\n  -V, --version');
    expect(text).not.toContain('Global options:');
  });

  it('is wrapped to the terminal it is printed on, and to 80 columns on a pipe', async () => {
    const width = (text: string) => Math.max(...text.split('\n').map((line) => line.length));
    const wide = await runInProcess(['accounts', 'list', '--help'], { tty: { stdout: true }, columns: 120 });
    const narrow = await runInProcess(['accounts', 'list', '--help'], { tty: { stdout: true }, columns: 60 });
    const piped = await runInProcess(['accounts', 'list', '--help']);

    expect(wide.code).toBe(0);
    expect(width(wide.stdout)).toBeLessThanOrEqual(120);
    expect(width(wide.stdout)).toBeGreaterThan(80);
    expect(width(piped.stdout.slice(0, piped.stdout.indexOf('Examples:')))).toBeLessThanOrEqual(80);
    expect(narrow.stdout.split('\n').length).toBeGreaterThan(piped.stdout.split('\n').length);
    expect(wide.stdout).toContain('Global options:');
  });
});

// The Settings section of `config get|set|unset --help` (the reviewer found no test of its wiring),
// and the way to store each secret instead of `config set`.
describe('config help and secrets', () => {
  it.each(['get', 'set', 'unset'])('config %s --help lists every setting and what it holds', async (verb) => {
    const { code, stdout } = await runInProcess(['config', verb, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('\nSettings:\n  env            sandbox, production or local\n');
    expect(stdout).toContain('  client-secret  OAuth client secret (secret: masked; tango auth login sets it)\n');
  });

  it.each([
    ['platform-key', '--platform-key-stdin'],
    ['client-secret', '--client-secret-stdin'],
  ])('config set %s is refused, pointing to auth login %s', async (key, flag) => {
    const { code, stderr } = await runInProcess(['config', 'set', key, 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${key} is a secret and is never set from the command line`);
    expect(stderr).toContain(flag);
  });
});
