/**
 * What the three scripts share: how they read dynamic values from files, how a value spec is
 * spelled inside them, and the checks that keep generated shell code safe to source.
 */
import { COMPLETION_CACHE_FILE } from './cache.js';
import type { CommandNode, CompletionModel, OptionNode } from './model.js';
import { allNodes, flagsOf } from './model.js';
import type { Shell } from './shells.js';
import type { ValueSpec } from './values.js';

/** Where src/config/paths.ts puts the config folder (Windows aside): each script repeats this in its own syntax. */
export const CONFIG_DIR_NAME = 'tango-admin';
export { CONFIG_FILE_NAME } from '../config/paths.js';
export { COMPLETION_CACHE_FILE };

/**
 * Prints the keys of "profiles" in conf's config.json. Any indentation, one key per line (conf
 * pretty-prints); string contents are blanked before braces are counted, so a "{" inside a value
 * cannot shift the depth. No single quote inside: the scripts wrap it in single quotes.
 */
export const PROFILES_AWK = [
  '{',
  '  bare = $0',
  '  gsub(/"([^"\\\\]|\\\\.)*"/, "\\"\\"", bare)',
  '  if (depth == 2 && inside && match($0, /^[ \\t]*"([^"\\\\]|\\\\.)*"[ \\t]*:/)) {',
  '    key = substr($0, RSTART, RLENGTH)',
  '    sub(/^[ \\t]*"/, "", key)',
  '    sub(/"[ \\t]*:$/, "", key)',
  '    print key',
  '  }',
  '  if (depth == 1 && $0 ~ /^[ \\t]*"profiles"[ \\t]*:/) inside = 1',
  '  depth += gsub(/[{]/, "{", bare) - gsub(/[}]/, "}", bare)',
  '  if (depth < 2) inside = 0',
  '}',
].join('\n');

/** Prints the identifiers of one kind and profile from the completion cache (see cache.ts), newest first. */
export const CACHED_AWK =
  '$1 == ENVIRON["TANGO_COMPLETION_KIND"] && $2 == ENVIRON["TANGO_COMPLETION_PROFILE"] { print $3 }';

/** The first column of the cache for each dynamic source that lives there. */
export const CACHE_KIND = { customers: 'customer', accounts: 'account', alerts: 'alert' } as const;

/**
 * A value spec as the bash and fish tables spell it: `choices A B C`, `profiles`, `customers`,
 * `file` or `free`. Choice values are checked to be plain words, so no quoting is needed.
 */
export function specWords(spec: ValueSpec): string {
  if (spec.kind === 'choices') return ['choices', ...spec.values.map((v) => word(v, 'choice value'))].join(' ');
  if (spec.kind === 'dynamic') return spec.source;
  return spec.kind;
}

/** An option's table entry: `<arity> <spec>`, or `none` for a switch. */
export function optionSpecWords(option: OptionNode): string {
  return option.arity === 'none' ? 'none' : `${option.arity} ${specWords(option.values)}`;
}

/** The flags whose value names the profile in use: the dynamic `profiles` options, found anywhere in the tree. */
export function profileFlags(model: CompletionModel): string[] {
  const flags = allNodes(model.root)
    .flatMap((node) => node.options)
    .filter((o) => o.values.kind === 'dynamic' && o.values.source === 'profiles')
    .flatMap(flagsOf);
  return [...new Set(flags)];
}

/** The command's path as the scripts key it: words joined by one space; '' for the root. */
export function pathKey(node: CommandNode): string {
  return node.path.join(' ');
}

/** Every flag a command accepts, its own first. */
export function allOptions(node: CommandNode): OptionNode[] {
  return [...node.options, ...node.inheritedOptions];
}

/**
 * Names, aliases, flags and choice values go into scripts unquoted: refuse anything but plain
 * words. A `/` is plain in every shell, so API paths (`/customers/`) may be values.
 */
export function word(value: string, what: string): string {
  if (!/^[A-Za-z0-9/][A-Za-z0-9._+@%,/-]*$/.test(value)) {
    throw new Error(`completion: ${what} ${JSON.stringify(value)} is not a plain word; the scripts cannot carry it`);
  }
  return value;
}

export function flagWord(flag: string): string {
  if (!/^--?[A-Za-z0-9][A-Za-z0-9-]*$/.test(flag)) throw new Error(`completion: flag ${JSON.stringify(flag)} is odd`);
  return flag;
}

/** fish's single quotes treat backslash and single quote as escapes; nothing else. */
export function fishQuote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export function generatedHeader(comment: string, shell: Shell, install: string[]): string {
  return [
    `${comment} ${shell} completion for tango.`,
    `${comment} Generated from the commander tree by \`npm run completions\` (src/completion/); do not edit.`,
    `${comment} Dynamic values come from files only, never from the network: profile names from`,
    `${comment} config.json, customer, account and alert identifiers from ${COMPLETION_CACHE_FILE} (which`,
    `${comment} list/get/create refresh).`,
    ...install.map((line) => `${comment} ${line}`),
  ].join('\n');
}
