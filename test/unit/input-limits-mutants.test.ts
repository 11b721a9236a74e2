/**
 * Survivors of mutation testing in src/domain/input-limits.ts (issue 20): how deep a JSON text nests,
 * where it first goes too deep, and the largest file read. Each case names the mutants it kills.
 */
import { describe, expect, it } from 'vitest';
import { describeSize, jsonTooDeep, MAX_INPUT_BYTES, MAX_JSON_DEPTH } from '../../src/domain/input-limits.js';

const nested = (depth: number, inner = '') => '['.repeat(depth) + inner + ']'.repeat(depth);
const tooDeep = (depth: number, line = 1) => ({ depth, line });

describe('how deep a JSON text nests', () => {
  it.each([
    // A closing bracket inside a string closes nothing (kills the string skip turned false).
    ['a "]" in a string before a deep list', `["]", ${nested(MAX_JSON_DEPTH)}]`, tooDeep(65)],
    ['a "}" in a string before a deep object', `{"a}": ${nested(MAX_JSON_DEPTH)}}`, tooDeep(65)],
    // Stray closers before the document do not take depth away (kills `depth > 0` turned true or >=).
    ['closers before a deep list', `]]}${nested(MAX_JSON_DEPTH + 1)}`, tooDeep(65)],
    // Siblings are not deeper (kills the closer test turned false, either closer dropped, depth-- turned ++).
    ['65 lists side by side', `[${'[],'.repeat(MAX_JSON_DEPTH)}[]]`, undefined],
    ['65 objects side by side', `[${'{},'.repeat(MAX_JSON_DEPTH)}{}]`, undefined],
    ['a deep list after a closed one', `[${nested(MAX_JSON_DEPTH - 1)}, ${nested(MAX_JSON_DEPTH)}]`, tooDeep(65)],
    // Braces and brackets both open (kills either opener dropped).
    ['objects only', `${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`, tooDeep(65)],
    ['lists and objects in turn', `${'[{"a":'.repeat(33)}1${'}]'.repeat(33)}`, tooDeep(66)],
  ])('%s', (_, text, found) => {
    expect(jsonTooDeep(text)).toEqual(found);
  });

  it.each([
    // The line is where it first goes too deep, not where it is deepest (kills `??=` made a plain `=`).
    ['deeper still on a later line', `${'['.repeat(65)}\n[\n${']'.repeat(66)}`, tooDeep(66, 1)],
    // Lines after that point do not count (kills the text cut at that point dropped).
    ['lines after it', `${nested(65)}\n\n`, tooDeep(65, 1)],
    ['lines before it', `\n\n${nested(65)}`, tooDeep(65, 3)],
    ['a line break inside a string before it', `["a\nb",\n${nested(64)}]`, tooDeep(65, 3)],
  ])('the line: %s', (_, text, found) => {
    expect(jsonTooDeep(text)).toEqual(found);
  });

  it.each([
    // Escaped quotes keep the string open; an escaped backslash does not (kills the backslash count's
    // arithmetic and its odd-or-even test).
    ['an escaped quote', `["a\\"]${nested(65)}"]`, undefined],
    ['three backslashes and a quote', `["a\\\\\\"]${nested(65)}"]`, undefined],
    ['an escaped backslash', `["a\\\\", ${nested(64)}]`, tooDeep(65)],
    ['two escaped backslashes', `["\\\\\\\\", ${nested(64)}]`, tooDeep(65)],
    ['an empty string', `["", ${nested(64)}]`, tooDeep(65)],
    ['an empty string first', `""${nested(65)}`, tooDeep(65)],
    ['brackets in a string that never closes', `["${nested(65)}`, undefined],
  ])('strings: %s', (_, text, found) => {
    expect(jsonTooDeep(text)).toEqual(found);
  });

  it('a smaller limit is a smaller limit (kills > turned into >= or <=)', () => {
    expect(jsonTooDeep('[[]]', 1)).toEqual(tooDeep(2));
    expect(jsonTooDeep('[[]]', 2)).toBeUndefined();
    expect(jsonTooDeep('[]', 0)).toEqual(tooDeep(1));
    expect(jsonTooDeep('', 0)).toBeUndefined();
  });
});

describe('the largest file read', () => {
  it('is 100 MiB (kills the product turned into a quotient)', () => {
    expect(MAX_INPUT_BYTES).toBe(104_857_600);
    expect(describeSize(MAX_INPUT_BYTES)).toBe('100 MiB');
  });
});
