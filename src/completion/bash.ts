/**
 * The bash script: generated lookup tables (subcommands, flags, how each option takes a value,
 * what each positional argument is) and one fixed function that walks COMP_WORDS with them the
 * way commander parses a command line.
 */

import { singleQuote } from '../output/shell-quote.js';
import type { CommandNode, CompletionModel } from './model.js';
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
  optionSpecWords,
  PROFILES_AWK,
  pathKey,
  specWords,
  word,
} from './shell.js';

export function bashScript(model: CompletionModel): string {
  const p = `_${word(model.program, 'program name')}`;
  const nodes = allNodes(model.root);
  return [
    generatedHeader('#', 'bash', [
      'Install: `source` it from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/tango.',
    ]),
    '',
    readers(p),
    subcommandTable(p, nodes),
    subcommandListTable(p, nodes),
    flagListTable(p, nodes),
    optionTable(p, nodes),
    argumentTable(p, nodes),
    valuesFunction(p),
    walker(p),
    `complete -F ${p} ${model.program}`,
    '',
  ].join('\n');
}

function readers(p: string): string {
  return `# The config folder, found as src/config/paths.ts finds it.
${p}_config_dir() {
  REPLY=\${TANGO_CONFIG_DIR:-\${XDG_CONFIG_HOME:-$HOME/.config}/${CONFIG_DIR_NAME}}
}

# Profile names: the keys of "profiles" in ${CONFIG_FILE_NAME}.
${p}_profiles() {
  local REPLY
  ${p}_config_dir
  awk '${PROFILES_AWK}' "$REPLY/${CONFIG_FILE_NAME}" 2>/dev/null
}

# Identifiers of kind $1 that profile $2 has seen, newest first (src/completion/cache.ts writes them).
${p}_cached() {
  local REPLY
  ${p}_config_dir
  TANGO_COMPLETION_KIND=$1 TANGO_COMPLETION_PROFILE=$2 \\
    awk -F '\\t' '${CACHED_AWK}' "$REPLY/${COMPLETION_CACHE_FILE}" 2>/dev/null
}

# Adds the lines of stdin that start with $1 to COMPREPLY. Unlike compgen -W, never expands what it reads.
${p}_reply_from() {
  local line
  while IFS= read -r line; do
    [[ $line == "$1"* ]] && COMPREPLY+=("$line")
  done
  return 0
}
`;
}

/** `$1|$2` (command path | word) -> REPLY, the subcommand's name; aliases map to it. */
function subcommandTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes.flatMap((node) =>
    node.subcommands.map((sub) => {
      const patterns = [sub.name, ...sub.aliases].map((name) =>
        singleQuote(`${pathKey(node)}|${word(name, 'command')}`),
      );
      return `    ${patterns.join('|')}) REPLY=${sub.name} ;;`;
    }),
  );
  return table(p, 'subcommand', 'The subcommand that word $2 names under command path $1.', cases, 'return 1');
}

function subcommandListTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes
    .filter((node) => node.subcommands.length > 0)
    .map(
      (node) =>
        `    ${singleQuote(pathKey(node))}) REPLY=${singleQuote(node.subcommands.map((s) => s.name).join(' '))} ;;`,
    );
  return table(p, 'subcommands', 'The subcommands of command path $1.', cases, "REPLY=''", '$1');
}

function flagListTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes.map((node) => {
    const flags = allOptions(node).flatMap(flagsOf).map(flagWord);
    return `    ${singleQuote(pathKey(node))}) REPLY=${singleQuote(flags.join(' '))} ;;`;
  });
  return table(p, 'flags', "Every flag command path $1 accepts: its own and its ancestors'.", cases, "REPLY=''", '$1');
}

/** Only the options a command declares; ${p}_find_option climbs to ancestors, as commander does. */
function optionTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes.flatMap((node) =>
    node.options.map((option) => {
      const patterns = flagsOf(option).map((flag) => singleQuote(`${pathKey(node)}|${flagWord(flag)}`));
      return `    ${patterns.join('|')}) REPLY=${singleQuote(optionSpecWords(option))} ;;`;
    }),
  );
  const lookup = table(
    p,
    'option',
    'How flag $2, declared by command path $1, takes a value: none, or "<required|optional> <values>".',
    cases,
    'return 1',
  );
  return `${lookup}
# The same, for a flag that command path $1 accepts from itself or an ancestor.
${p}_find_option() {
  local path=$1
  while ! ${p}_option "$path" "$2"; do
    [[ -z $path ]] && return 1
    if [[ $path == *' '* ]]; then path=\${path% *}; else path=''; fi
  done
}
`;
}

/** Positional arguments by index; a variadic last argument takes every index from its own on. */
function argumentTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes.flatMap((node) =>
    node.arguments.flatMap((argument, index) => {
      if (argument.values.kind === 'free') return [];
      const key = argument.variadic ? `${singleQuote(`${pathKey(node)}|`)}*` : singleQuote(`${pathKey(node)}|${index}`);
      return [`    ${key}) REPLY=${singleQuote(specWords(argument.values))} ;;`];
    }),
  );
  return table(p, 'argument', 'What positional argument $2 (from 0) of command path $1 is.', cases, 'return 1');
}

/** A lookup function: one `case` over its key ($1 alone, or "$1|$2"). */
function table(p: string, name: string, comment: string, cases: string[], otherwise: string, key = '"$1|$2"'): string {
  return `# ${comment}
${p}_${name}() {
  case ${key} in
${cases.join('\n')}
    *) ${otherwise} ;;
  esac
}
`;
}

function valuesFunction(p: string): string {
  const cached = Object.entries(CACHE_KIND).map(
    ([source, kind]) => `    ${source}) ${p}_reply_from "$2" < <(${p}_cached ${kind} "$3") ;;`,
  );
  return `# Candidates for a value spec ($1: "choices A B", profiles, customers, accounts, alerts, file, free) matching $2; $3 is the profile.
${p}_values() {
  case $1 in
    choices\\ *) COMPREPLY=($(compgen -W "\${1#choices }" -- "$2")) ;;
    profiles) ${p}_reply_from "$2" < <(${p}_profiles) ;;
${cached.join('\n')}
    file)
      compopt -o filenames 2>/dev/null
      ${p}_reply_from "$2" < <(compgen -f -- "$2")
      ;;
  esac
  return 0
}
`;
}

/** Mirrors commander: options anywhere, `--` ends them, the first free word under a group is its subcommand. */
function walker(p: string): string {
  return `${p}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} path='' profile=\${TANGO_PROFILE:-default}
  local pending='' positional=0 options_ended='' word i REPLY
  COMPREPLY=()
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word=\${COMP_WORDS[i]}
    if [[ -n $pending ]]; then
      # bash splits --flag=value at the '=' into three words.
      [[ $word == = ]] && continue
      if [[ $pending != optional* || $word != -* ]]; then
        [[ $pending == *' profiles' ]] && profile=$word
        pending=''
        continue
      fi
      pending=''
    fi
    if [[ -n $options_ended ]]; then
      positional=$((positional + 1))
      continue
    fi
    case $word in
      --) options_ended=1 ;;
      --*=*)
        if ${p}_find_option "$path" "\${word%%=*}" && [[ $REPLY == *' profiles' ]]; then profile=\${word#*=}; fi
        ;;
      -?*)
        if ${p}_find_option "$path" "$word" && [[ $REPLY != none ]]; then pending=$REPLY; fi
        ;;
      *)
        if (( positional == 0 )) && ${p}_subcommand "$path" "$word"; then
          path=\${path:+$path }$REPLY
        else
          positional=$((positional + 1))
        fi
        ;;
    esac
  done

  if [[ -n $pending && ( $pending != optional* || $cur != -* ) ]]; then
    [[ $cur == = ]] && cur=''
    ${p}_values "\${pending#* }" "$cur" "$profile"
  elif [[ -z $options_ended && $cur == -* ]]; then
    ${p}_flags "$path"
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
  elif ${p}_subcommands "$path"; [[ -n $REPLY ]] && (( positional == 0 )); then
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
  elif ${p}_argument "$path" "$positional"; then
    ${p}_values "$REPLY" "$cur" "$profile"
  fi
  return 0
}
`;
}
