import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { completionScript } from '../../src/completion/generate.js';
import { buildModel, type CommandNode, type OptionNode } from '../../src/completion/model.js';
import { ACCOUNT_STATUSES, CURRENCIES } from '../../src/domain/rules.js';
import { buildProgram } from '../../src/program.js';
import { fixtureProgram } from '../support/completion-fixture.js';

function node(root: CommandNode, ...path: string[]): CommandNode {
  const found = path.reduce<CommandNode | undefined>((at, name) => at?.subcommands.find((c) => c.name === name), root);
  if (!found) throw new Error(`no command ${path.join(' ')}`);
  return found;
}

function option(at: CommandNode, flag: string): OptionNode | undefined {
  return [...at.options, ...at.inheritedOptions].find((o) => o.long === flag || o.short === flag);
}

describe('the completion model of a commander tree', () => {
  const model = buildModel(fixtureProgram());
  const list = node(model.root, 'accounts', 'list');

  it('takes closed lists from the shared rules through the flag parsers, not from a copy', () => {
    expect(option(list, '--status')?.values).toEqual({ kind: 'choices', values: ACCOUNT_STATUSES });
    expect(option(list, '--currency')?.values).toEqual({ kind: 'choices', values: CURRENCIES });
    expect(option(list, '--currency')?.repeatable).toBe(true);
    expect(option(list, '--status')?.repeatable).toBe(false);
  });

  it("takes commander's .choices(), marks, and the conventional names <customer> and <file>", () => {
    const importer = node(model.root, 'accounts', 'import');
    expect(option(importer, '--mode')?.values).toEqual({ kind: 'choices', values: ['create', 'upsert'] });
    expect(option(importer, '--file')?.values).toEqual({ kind: 'file' });
    expect(importer.arguments[0]?.values).toEqual({ kind: 'dynamic', source: 'customers' });
    expect(option(list, '--profile')?.values).toEqual({ kind: 'dynamic', source: 'profiles' });
    expect(option(node(model.root, 'customers', 'create'), '--identifier')?.values).toEqual({ kind: 'free' });
  });

  it("gives every command its ancestors' options, except those it declares itself", () => {
    expect(list.inheritedOptions.map((o) => o.long)).toEqual(['--profile']);
    expect(option(list, '-o')?.description).toBe('shadows the global one');
    expect(node(model.root, 'accounts').aliases).toEqual(['acc']);
  });

  it('sees the real tree: global options with their choices, the profile option, shell names', () => {
    const real = buildModel(buildProgram());
    const completion = node(real.root, 'completion');
    expect(option(real.root, '--output')?.values).toEqual({
      kind: 'choices',
      values: ['table', 'json', 'ndjson', 'csv', 'text'],
    });
    expect(option(completion, '--profile')?.values).toEqual({ kind: 'dynamic', source: 'profiles' });
    expect(completion.arguments[0]?.values).toEqual({ kind: 'choices', values: ['bash', 'zsh', 'fish'] });
  });

  it('refuses to put a value the scripts cannot carry unquoted into them', () => {
    const program = new Command('tango').addOption(new Option('--mode <m>').choices(['two words']));

    expect(() => completionScript('bash', program)).toThrow(/"two words" is not a plain word/);
  });
});
