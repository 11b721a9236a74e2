/**
 * The zsh script, in zsh's own idiom: one function per command, each an `_arguments` call with the
 * command's options (its own and its ancestors', since commander accepts those anywhere) and its
 * arguments; a group hands the rest of the line to the function of the subcommand named.
 */

import { singleQuote } from '../output/shell-quote.js';
import type { ArgumentNode, CommandNode, CompletionModel, OptionNode } from './model.js';
import { allNodes, flagsOf } from './model.js';
import {
  allOptions,
  CACHE_KIND,
  CACHED_AWK,
  COMPLETION_CACHE_FILE,
  CONFIG_DIR_NAME,
  CONFIG_FILE_NAME,
  flagWord,
  generatedHeader,
  PROFILES_AWK,
  profileFlags,
  word,
} from './shell.js';
import type { ValueSpec } from './values.js';

export function zshScript(model: CompletionModel): string {
  const program = word(model.program, 'program name');
  const p = `_${program}`;
  return [
    `#compdef ${program}`,
    generatedHeader('#', 'zsh', [
      'Install: save it as _tango in a folder on $fpath (before compinit runs), e.g.',
      '  mkdir -p ~/.zfunc && tango completion zsh > ~/.zfunc/_tango',
      '  and in ~/.zshrc: fpath=(~/.zfunc $fpath); autoload -Uz compinit; compinit',
    ]),
    '',
    entry(p),
    readers(p, model),
    ...allNodes(model.root).map((node) => commandFunction(p, node)),
    // Autoloaded from $fpath the file is the body of _tango, run at the first TAB; sourced, it registers itself.
    `if [[ $funcstack[1] == ${p} ]]; then\n  ${p} "$@"\nelse\n  compdef ${p} ${program}\nfi`,
    '',
  ].join('\n');
}

function entry(p: string): string {
  return `${p}() {
  # Subcommands narrow $words; the profile in use may be anywhere on the whole line.
  local -a ${p}_line=("\${words[@]}")
  local ${p}_current=$CURRENT
  ${functionName(p, [])}
}
`;
}

function readers(p: string, model: CompletionModel): string {
  const cached = Object.entries(CACHE_KIND)
    .map(([source, kind]) => cachedReader(p, source, kind))
    .join('\n');
  return `# The config folder, found as src/config/paths.ts finds it.
${p}_config_dir() {
  REPLY=\${TANGO_CONFIG_DIR:-\${XDG_CONFIG_HOME:-$HOME/.config}/${CONFIG_DIR_NAME}}
}

# Profile names: the keys of "profiles" in ${CONFIG_FILE_NAME}.
${p}_profiles() {
  local REPLY expl
  local -a profiles
  ${p}_config_dir
  profiles=(\${(f)"$(awk '${PROFILES_AWK}' "$REPLY/${CONFIG_FILE_NAME}" 2>/dev/null)"})
  _wanted profiles expl 'profile' compadd -a profiles
}

${profileInUse(p, profileFlags(model).map(flagWord))}
# Identifiers of kind $1 that the profile in use has seen, newest first (src/completion/cache.ts writes them).
${p}_cached() {
  local REPLY profile
  ${p}_profile_in_use
  profile=$REPLY
  ${p}_config_dir
  reply=(\${(f)"$(TANGO_COMPLETION_KIND=$1 TANGO_COMPLETION_PROFILE=$profile \\
    awk -F '\\t' '${CACHED_AWK}' "$REPLY/${COMPLETION_CACHE_FILE}" 2>/dev/null)"})
}
${cached}`;
}

/** The profile the line being completed will use: its profile flag, else TANGO_PROFILE, else default. */
function profileInUse(p: string, flags: string[]): string {
  const separate = flags.length > 0 ? [`      (${flags.join('|')}) REPLY=\${${p}_line[i+1]} ;;`] : [];
  const joined = flags.filter((f) => f.startsWith('--')).map((f) => `${f}=*`);
  const attached = joined.length > 0 ? [`      (${joined.join('|')}) REPLY=\${\${${p}_line[i]}#*=} ;;`] : [];
  return `# The profile the line being completed will use: its profile flag, else TANGO_PROFILE, else default.
${p}_profile_in_use() {
  local i
  REPLY=\${TANGO_PROFILE:-default}
  for (( i = 2; i < ${p}_current; i++ )); do
    case \${${p}_line[i]} in
${[...separate, ...attached].join('\n')}
    esac
  done
}
`;
}

function cachedReader(p: string, source: string, kind: string): string {
  return `
${p}_${source}() {
  local expl
  local -a reply
  ${p}_cached ${kind}
  _wanted ${source} expl ${singleQuote(`${kind} identifier`)} compadd -V ${source} -a reply
}
`;
}

function functionName(p: string, path: string[]): string {
  return [p, 'cmd', ...path].join('_');
}

function commandFunction(p: string, node: CommandNode): string {
  const specs = [
    ...allOptions(node).flatMap((option) => optionSpecs(p, option)),
    ...(node.subcommands.length > 0 ? ["': :->subcommand'", "'*:: :->command'"] : argumentSpecs(p, node.arguments)),
  ].map((spec) => ` \\\n    ${spec}`);
  const name = functionName(p, node.path);
  if (node.subcommands.length === 0) {
    return `${name}() {\n  _arguments -s -S${specs.join('')}\n}\n`;
  }
  return `${name}() {
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args
  # -A: the first word that is not an option ends this level; the subcommand parses the rest.
  _arguments -C -s -S -A '-*'${specs.join('')} && ret=0
  case $state in
    (subcommand)
      local -a subcommands=(
${node.subcommands.map((sub) => `        ${singleQuote(`${word(sub.name, 'command')}:${sub.description}`)}`).join('\n')}
      )
      _describe -t commands ${singleQuote(['tango', ...node.path, 'command'].join(' '))} subcommands && ret=0
      ;;
    (command)
      curcontext=\${curcontext%:*:*}:${['tango', ...node.path].join('-')}-$line[1]:
      case $line[1] in
${node.subcommands.map((sub) => `        (${[sub.name, ...sub.aliases].map((n) => word(n, 'command')).join('|')}) ${functionName(p, sub.path)} && ret=0 ;;`).join('\n')}
      esac
      ;;
  esac
  return ret
}
`;
}

/** One `_arguments` spec per flag; the short and long forms exclude each other unless repeatable. */
function optionSpecs(p: string, option: OptionNode): string[] {
  const flags = flagsOf(option).map(flagWord);
  const exclusion = option.repeatable ? '*' : flags.length > 1 ? `(${flags.join(' ')})` : '';
  const description = `[${escapeBrackets(option.description)}]`;
  return flags.map((flag) =>
    singleQuote(`${exclusion}${flag}${argumentStyle(flag, option)}${description}${valuePart(p, option)}`),
  );
}

/** `-o+`: the value attached or next; `--output=`: after `=` or next. */
function argumentStyle(flag: string, option: OptionNode): string {
  if (option.arity === 'none') return '';
  return flag.startsWith('--') ? '=' : '+';
}

function valuePart(p: string, option: OptionNode): string {
  if (option.arity === 'none') return '';
  const colons = option.arity === 'optional' ? '::' : ':';
  return `${colons}${escapeColons(option.valueName || 'value')}:${action(p, option.values)}`;
}

function argumentSpecs(p: string, args: ArgumentNode[]): string[] {
  return args.map((argument, index) => {
    const position = argument.variadic ? '*' : String(index + 1);
    const colons = argument.required || argument.variadic ? ':' : '::';
    return singleQuote(`${position}${colons}${escapeColons(argument.name)}:${action(p, argument.values)}`);
  });
}

function action(p: string, spec: ValueSpec): string {
  switch (spec.kind) {
    case 'choices':
      return `(${spec.values.map((v) => word(v, 'choice value')).join(' ')})`;
    case 'dynamic':
      return `${p}_${spec.source}`;
    case 'file':
      return '_files';
    case 'free':
      // A space: no candidates, zsh shows the value's name as a hint.
      return ' ';
  }
}

function escapeBrackets(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('[', '\\[').replaceAll(']', '\\]');
}

function escapeColons(text: string): string {
  return text.replaceAll(':', '\\:');
}
