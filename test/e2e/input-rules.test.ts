/**
 * Input rules the built CLI keeps as a child process, where the environment is the process's own:
 * an option's variable set but empty (TANGO_PROFILE=) is refused like the empty flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTango, tempConfigDir } from '../support/tango.js';

let config: { dir: string; cleanup: () => void };

beforeAll(() => {
  config = tempConfigDir();
});
afterAll(() => config.cleanup());

describe('an option variable set but empty', () => {
  it.each([
    ['TANGO_PROFILE', "option '-p, --profile <name>'"],
    ['TANGO_BASE_URL', "option '--base-url <url>'"],
    ['TANGO_ENV', "option '--env <name>'"],
    ['TANGO_OUTPUT', "option '-o, --output <format>'"],
  ])('%s= is exit 2 naming the variable and the option', async (name, option) => {
    const result = await runTango(['config', 'list'], { configDir: config.dir, env: { [name]: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(option);
    expect(result.stderr).toContain(`from env '${name}'`);
    expect(result.stderr).toContain('must not be empty');
  });
});
