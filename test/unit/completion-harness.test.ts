/**
 * The test harness for real shells and tmux: where one is missing, its tests are not run and a line
 * says what to install; under TANGO_REQUIRE_TOOLS=1 (CI) they run and fail with the same advice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bashWords } from '../support/shells.js';
import { REQUIRE_TOOLS, requireTool, shouldRun } from '../support/tools.js';

const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
  vi.restoreAllMocks();
});

describe('the shell and terminal test harness', () => {
  it('fails with what to install when a tool is missing', () => {
    process.env.PATH = '/nonexistent';

    expect(() => requireTool('zsh', 'the completion tests')).toThrow(
      /zsh is not installed.*apt-get install -y zsh.*\.ci\/run/,
    );
  });

  it('does not run the tests of a missing tool, and says in one line what to install', () => {
    process.env.PATH = '/nonexistent';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(shouldRun('fish', 'The fish completion tests', {})).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^The fish completion tests not run: .*apt-get install -y fish/);
  });

  it(`runs them anyway under ${REQUIRE_TOOLS}=1, so CI fails without the tool`, () => {
    process.env.PATH = '/nonexistent';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(shouldRun('tmux', 'The terminal tests', { [REQUIRE_TOOLS]: '1' })).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('runs the tests of a tool that is installed', () => {
    expect(shouldRun('bash', 'The bash completion tests', {})).toBe(true);
  });

  it('splits a line as bash does for completion: at blanks and around "="', () => {
    expect(bashWords('tango accounts ')).toEqual(['tango', 'accounts', '']);
    expect(bashWords('tango --output=n')).toEqual(['tango', '--output', '=', 'n']);
    expect(bashWords('tango --output=')).toEqual(['tango', '--output', '=']);
  });
});
