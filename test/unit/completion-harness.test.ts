/** The shell harness itself: it must fail loudly, not skip, when a shell is missing. */
import { afterEach, describe, expect, it } from 'vitest';
import { bashWords, requireShell } from '../support/shells.js';

const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
});

describe('the completion test harness', () => {
  it('fails with what to install when a shell is missing', () => {
    process.env.PATH = '/nonexistent';

    expect(() => requireShell('zsh')).toThrow(/zsh is not installed.*apt-get install -y zsh.*\.ci\/run/);
  });

  it('splits a line as bash does for completion: at blanks and around "="', () => {
    expect(bashWords('tango accounts ')).toEqual(['tango', 'accounts', '']);
    expect(bashWords('tango --output=n')).toEqual(['tango', '--output', '=', 'n']);
    expect(bashWords('tango --output=')).toEqual(['tango', '--output', '=']);
  });
});
