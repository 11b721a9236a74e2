/**
 * The fish script: the same lookup tables as bash, as fish functions, and one function that walks
 * `commandline -opc` and prints every candidate with its description; fish filters by the token.
 * One walk per TAB, rather than a condition per `complete` rule, each re-parsing the line.
 */
import type { CommandNode, CompletionModel, OptionNode } from './model.js';
import { allNodes, flagsOf } from './model.js';
import {
  allOptions,
  CACHE_KIND,
  CACHED_AWK,
  COMPLETION_CACHE_FILE,
  CONFIG_DIR_NAME,
  CONFIG_FILE_NAME,
  fishQuote,
  flagWord,
  generatedHeader,
  optionSpecWords,
  PROFILES_AWK,
  pathKey,
  specWords,
  word,
} from './shell.js';

export function fishScript(model: CompletionModel): string {
  const p = `__${word(model.program, 'program name')}`;
  const nodes = allNodes(model.root);
  return [
    generatedHeader('#', 'fish', ['Install: copy it to ~/.config/fish/completions/tango.fish.']),
    '',
    readers(p),
    subcommandTable(p, nodes),
    subcommandListTable(p, nodes),
    flagListTable(p, nodes),
    optionTable(p, nodes),
    argumentTable(p, nodes),
    valuesFunction(p),
    walker(p),
    `complete -c ${model.program} -e`,
    `complete -c ${model.program} -f -a '(${p}_complete)'`,
    '',
  ].join('\n');
}

function readers(p: string): string {
  return `# The config folder, found as src/config/paths.ts finds it.
function ${p}_config_dir
    if test -n "$TANGO_CONFIG_DIR"
        echo $TANGO_CONFIG_DIR
    else if test -n "$XDG_CONFIG_HOME"
        echo $XDG_CONFIG_HOME/${CONFIG_DIR_NAME}
    else
        echo $HOME/.config/${CONFIG_DIR_NAME}
    end
end

# Profile names: the keys of "profiles" in ${CONFIG_FILE_NAME}.
function ${p}_profiles
    awk ${fishQuote(PROFILES_AWK)} (${p}_config_dir)/${CONFIG_FILE_NAME} 2>/dev/null
end

# Identifiers of one kind that a profile has seen, newest first (src/completion/cache.ts writes them).
function ${p}_cached -a kind profile
    TANGO_COMPLETION_KIND=$kind TANGO_COMPLETION_PROFILE=$profile \\
        awk -F '\\\\t' ${fishQuote(CACHED_AWK)} (${p}_config_dir)/${COMPLETION_CACHE_FILE} 2>/dev/null
end
`;
}

function subcommandTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes.flatMap((node) =>
    node.subcommands.map((sub) => {
      const patterns = [sub.name, ...sub.aliases].map((name) => fishQuote(`${pathKey(node)}|${word(name, 'command')}`));
      return caseLine(patterns, `echo ${sub.name}`);
    }),
  );
  return table(p, 'subcommand', 'The subcommand that a word names under a command path.', 'path word', cases);
}

function subcommandListTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes
    .filter((node) => node.subcommands.length > 0)
    .map((node) =>
      caseLine([fishQuote(pathKey(node))], described(node.subcommands.map((s) => [s.name, s.description]))),
    );
  return table(p, 'subcommands', 'The subcommands of a command path, with descriptions.', 'path', cases);
}

function flagListTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes.map((node) => {
    const flags = allOptions(node).flatMap((option) =>
      flagsOf(option).map((flag) => [flagWord(flag), option.description]),
    );
    return caseLine([fishQuote(pathKey(node))], described(flags as Array<[string, string]>));
  });
  return table(
    p,
    'flags',
    "Every flag a command path accepts, its own and its ancestors', with descriptions.",
    'path',
    cases,
  );
}

/** Only the options a command declares; ${p}_find_option climbs to ancestors, as commander does. */
function optionTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes.flatMap((node) =>
    node.options.map((option: OptionNode) => {
      const patterns = flagsOf(option).map((flag) => fishQuote(`${pathKey(node)}|${flagWord(flag)}`));
      return caseLine(patterns, `echo ${fishQuote(optionSpecWords(option))}`);
    }),
  );
  const lookup = table(
    p,
    'option',
    'How a flag declared by a command path takes a value: none, or "<required|optional> <values>".',
    'path flag',
    cases,
  );
  return `${lookup}
# The same, for a flag the command path accepts from itself or an ancestor.
function ${p}_find_option -a path flag
    while not ${p}_option "$path" $flag
        test -z "$path"; and return 1
        set path (string replace -r '\\s*[^ ]+$' '' -- $path)
    end
end
`;
}

function argumentTable(p: string, nodes: CommandNode[]): string {
  const cases = nodes.flatMap((node) =>
    node.arguments.flatMap((argument, index) => {
      if (argument.values.kind === 'free') return [];
      const key = argument.variadic ? fishQuote(`${pathKey(node)}|*`) : fishQuote(`${pathKey(node)}|${index}`);
      return [caseLine([key], `echo ${fishQuote(specWords(argument.values))}`)];
    }),
  );
  return table(p, 'argument', 'What positional argument <index> (from 0) of a command path is.', 'path index', cases);
}

/** A lookup function: one `switch` over its key; no case matched is a failure. */
function table(p: string, name: string, comment: string, params: string, cases: string[]): string {
  const key = params
    .split(' ')
    .map((param) => `$${param}`)
    .join('|');
  return `# ${comment}
function ${p}_${name} -a ${params}
    switch "${key}"
${cases.join('\n')}
        case '*'
            return 1
    end
end
`;
}

function caseLine(patterns: string[], body: string): string {
  return `        case ${patterns.join(' ')}\n            ${body}`;
}

/** `printf` lines of candidate<TAB>description, the form fish shows in its menu; one pair a line. */
function described(pairs: Array<[string, string]>): string {
  if (pairs.length === 0) return 'true';
  const lines = pairs.map(([name, description]) => `                ${name} ${fishQuote(description)}`);
  return `printf '%s\\t%s\\n' \\\n${lines.join(' \\\n')}`;
}

function valuesFunction(p: string): string {
  const cached = Object.entries(CACHE_KIND).map(
    ([source, kind]) => `        case ${source}\n            ${p}_cached ${kind} $profile`,
  );
  return `# Candidates for a value spec ("choices A B", profiles, customers, accounts, alerts, file, free); fish filters them.
function ${p}_values -a spec profile
    set -l words (string split ' ' -- $spec)
    switch $words[1]
        case choices
            printf '%s\\n' $words[2..-1]
        case profiles
            ${p}_profiles
${cached.join('\n')}
        case file
            __fish_complete_path (commandline -ct)
    end
end
`;
}

/** Mirrors commander: options anywhere, `--` ends them, the first free word under a group is its subcommand. */
function walker(p: string): string {
  return `function ${p}_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l path ''
    set -l profile default
    test -n "$TANGO_PROFILE"; and set profile $TANGO_PROFILE
    set -l pending ''
    set -l positional 0
    set -l options_ended 0
    set -l spec
    set -l name
    for word in $words[2..-1]
        if test -n "$pending"
            if not string match -q 'optional *' -- $pending; or not string match -q -- '-*' $word
                string match -q '* profiles' -- $pending; and set profile $word
                set pending ''
                continue
            end
            set pending ''
        end
        if test $options_ended = 1
            set positional (math $positional + 1)
            continue
        end
        switch $word
            case --
                set options_ended 1
            case '--*=*'
                set -l parts (string split -m 1 = -- $word)
                if set spec (${p}_find_option "$path" $parts[1]); and string match -q '* profiles' -- $spec
                    set profile $parts[2]
                end
            case '-?*'
                if set spec (${p}_find_option "$path" $word); and test "$spec" != none
                    set pending $spec
                end
            case '*'
                if test $positional = 0; and set name (${p}_subcommand "$path" $word)
                    set path (string join ' ' -- $path $name | string trim)
                else
                    set positional (math $positional + 1)
                end
        end
    end

    if test -n "$pending"; and begin; not string match -q 'optional *' -- $pending; or not string match -q -- '-*' $cur; end
        ${p}_values (string split -m 1 ' ' -- $pending)[2] $profile
    else if test $options_ended = 0; and string match -q -- '--*=*' $cur
        # fish keeps --flag=value as one token: offer whole tokens.
        set -l flag (string split -m 1 = -- $cur)[1]
        set spec (${p}_find_option "$path" $flag); or return
        test "$spec" = none; and return
        for value in (${p}_values (string split -m 1 ' ' -- $spec)[2] $profile)
            echo $flag=$value
        end
    else if test $options_ended = 0; and string match -q -- '-*' $cur
        ${p}_flags "$path"
    else if test $positional = 0; and ${p}_subcommands "$path"
        # printed them
    else if set spec (${p}_argument "$path" $positional)
        ${p}_values $spec $profile
    end
end
`;
}
