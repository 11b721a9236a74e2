/**
 * Surviving mutants of src/output/color.ts (`npm run mutation`): which environment turns colour on
 * or off. The comment above each case names the mutants it kills.
 */
import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/output/color.js';

describe('colour from the environment', () => {
  it.each([
    // `env.NO_COLOR !== ''` made true, or its '' made another string: an empty NO_COLOR is unset.
    ['an empty NO_COLOR at a terminal: colour on', { NO_COLOR: '' }, true, true],
    ['NO_COLOR=1 at a terminal: colour off', { NO_COLOR: '1' }, true, false],
    // FORCE_COLOR's '0' or 'false' emptied: those two turn colour off, anything else on.
    ['FORCE_COLOR=0 at a terminal: colour off', { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false at a terminal: colour off', { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR=1 on a pipe: colour on', { FORCE_COLOR: '1' }, false, true],
    ['an empty FORCE_COLOR on a pipe: colour on', { FORCE_COLOR: '' }, false, true],
    // `env.TERM !== 'dumb'` made true, or 'dumb' emptied.
    ['TERM=dumb at a terminal: colour off', { TERM: 'dumb' }, true, false],
    ['TERM=xterm-256color at a terminal: colour on', { TERM: 'xterm-256color' }, true, true],
    ['an empty TERM at a terminal: colour on', { TERM: '' }, true, true],
    ['TERM=xterm-256color on a pipe: colour off', { TERM: 'xterm-256color' }, false, false],
  ])('%s', (_, env, isTTY, expected) => {
    expect(colorEnabled({ flag: undefined, env, isTTY })).toBe(expected);
  });
});
