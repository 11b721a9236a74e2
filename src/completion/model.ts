/**
 * A plain description of the commander tree, the only thing the shell renderers see: commands,
 * their options (own and inherited from ancestors, as commander parses them), arguments and where
 * each value's candidates come from. Nothing here names a command or a flag: whatever
 * buildProgram() returns is what the shells complete.
 */
import type { Argument, Command, Option } from 'commander';
import { isRepeatable, type ValueSpec, valueSpecOf } from './values.js';

export interface CompletionModel {
  /** The program's name, the word the shells complete for. */
  program: string;
  root: CommandNode;
}

export interface CommandNode {
  name: string;
  aliases: string[];
  /** Words after the program name: [] for the root, ['accounts', 'list'] for `tango accounts list`. */
  path: string[];
  description: string;
  /** Options declared on this command, the help option included. */
  options: OptionNode[];
  /** Options of ancestors that this command also accepts (commander parses them anywhere), minus any it shadows. */
  inheritedOptions: OptionNode[];
  arguments: ArgumentNode[];
  subcommands: CommandNode[];
}

export interface OptionNode {
  /** `-o`, if there is a short form. */
  short?: string;
  /** `--output`, if there is a long form. */
  long?: string;
  description: string;
  /** `none` for a switch; `optional` for `--flag [value]`. */
  arity: 'none' | 'required' | 'optional';
  /** The placeholder without brackets: `format` for `<format>`. */
  valueName: string;
  values: ValueSpec;
  repeatable: boolean;
}

export interface ArgumentNode {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  values: ValueSpec;
}

export function buildModel(program: Command): CompletionModel {
  return { program: program.name(), root: commandNode(program, []) };
}

function commandNode(command: Command, path: string[]): CommandNode {
  const help = command.createHelp();
  const options = help.visibleOptions(command).map(optionNode);
  return {
    name: command.name(),
    aliases: command.aliases(),
    path,
    description: firstLine(command.description()),
    options,
    inheritedOptions: inheritedOptions(command, options),
    arguments: command.registeredArguments.map(argumentNode),
    subcommands: help.visibleCommands(command).map((sub) => commandNode(sub, [...path, sub.name()])),
  };
}

/** Nearest ancestor first, as commander looks them up; a flag already taken closer is skipped. */
function inheritedOptions(command: Command, own: OptionNode[]): OptionNode[] {
  const taken = new Set(own.flatMap(flagsOf));
  const inherited: OptionNode[] = [];
  for (let ancestor = command.parent; ancestor; ancestor = ancestor.parent) {
    for (const option of ancestor.options.filter((o) => !o.hidden).map(optionNode)) {
      if (flagsOf(option).some((flag) => taken.has(flag))) continue;
      for (const flag of flagsOf(option)) taken.add(flag);
      inherited.push(option);
    }
  }
  return inherited;
}

export function flagsOf(option: OptionNode): string[] {
  return [option.short, option.long].filter((flag): flag is string => flag !== undefined);
}

function optionNode(option: Option): OptionNode {
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1]?.replace(/\.\.\.$/, '') ?? '';
  const arity = option.required ? 'required' : option.optional ? 'optional' : 'none';
  return {
    short: option.short,
    long: option.long,
    description: firstLine(option.description),
    arity,
    valueName,
    values: arity === 'none' ? { kind: 'free' } : valueSpecOf(option, [valueName, option.attributeName()]),
    repeatable: isRepeatable(option),
  };
}

function argumentNode(argument: Argument): ArgumentNode {
  return {
    name: argument.name(),
    description: firstLine(argument.description),
    required: argument.required,
    variadic: argument.variadic,
    values: valueSpecOf(argument, [argument.name()]),
  };
}

/** Shells show one line per candidate. */
function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

/** Every command, depth first, the root included. */
export function allNodes(node: CommandNode): CommandNode[] {
  return [node, ...node.subcommands.flatMap(allNodes)];
}
