/**
 * How much of a file the tool reads, and how deep a JSON document may nest. Both are checked
 * before parsing, so a hostile or broken file is a usage error naming it, never a stack overflow
 * (100,000 nested arrays parse, but every walk over them afterwards overflows) or a process that
 * swallows gigabytes.
 */

/**
 * The largest import, plan or --input file read: 100 MiB is about 500,000 account rows, which at
 * Tango's one request a second is six days of sending; a bigger one is a mistake or belongs in parts.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/**
 * The deepest JSON read. An import row is 4 levels deep (list, row, fundingNotification, address),
 * an onboarding plan 6 (plan, accounts, account, lowBalanceAlerts, alert, emails); 64 leaves room
 * for any document the API describes.
 */
export const MAX_JSON_DEPTH = 64;

export interface DepthFound {
  /** How deep the document nests at its deepest. */
  depth: number;
  /** The 1-based line where it first goes deeper than the limit. */
  line: number;
}

/**
 * The nesting of `text` when it goes deeper than `max` (brackets inside strings do not count),
 * otherwise undefined. One pass and no recursion, whatever the text holds: it need not be valid JSON.
 * Every answer of the API passes here (a page of 200 accounts is about 100 KB), so the walk jumps
 * over strings rather than reading them char by char.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): DepthFound | undefined {
  let depth = 0;
  let deepest = 0;
  let firstTooDeep: number | undefined; // where the first bracket beyond `max` is
  // Stryker disable next-line EqualityOperator: the char past the end is NaN, which is no bracket
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(text, i);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      deepest = Math.max(deepest, ++depth);
      if (depth > max) firstTooDeep ??= i;
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) depth--;
  }
  return firstTooDeep === undefined ? undefined : { depth: deepest, line: lineAt(text, firstTooDeep) };
}

/**
 * Where the string opened at `open` closes: the next quote not escaped, that is not preceded by an
 * odd run of backslashes (JSON's escapes: each backslash takes the next char; the opening quote
 * ends the run); the end of the text when it never closes.
 */
function stringEnd(text: string, open: number): number {
  for (let close = text.indexOf('"', open + 1); close !== -1; close = text.indexOf('"', close + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(close - backslashes - 1) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close;
  }
  return text.length;
}

/** The 1-based line of the char at `index`. */
function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** "nested 100,000 levels deep (from line 1); at most 64 are read", for a message naming the file. */
export function describeDepth(found: DepthFound, max = MAX_JSON_DEPTH): string {
  return `nested ${found.depth.toLocaleString('en-US')} levels deep (from line ${found.line}); at most ${max} are read`;
}

/** "1.5 GiB", "120 MiB", for a message about a file's size. */
export function describeSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1024 ? `${(mib / 1024).toFixed(1)} GiB` : `${Math.ceil(mib)} MiB`;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
