/**
 * The retry status line in a real terminal (tmux): a server that answers 429 with Retry-After: 2
 * twice keeps each wait on screen for at least two seconds, so the test can read it without a
 * race. One line, redrawn in place: the second wait replaces the first, and once the answer
 * comes the line is gone and the table stands where it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useHostileWorld } from '../support/hostile-server.js';
import { baseEnv } from '../support/tango.js';
import { Terminal } from '../support/terminal.js';
import { shouldRun } from '../support/tools.js';

const world = useHostileWorld();

describe.runIf(shouldRun('tmux', 'The retry status terminal test'))('retries at a terminal', () => {
  let terminal: Terminal | undefined;
  afterEach(() => {
    terminal?.close();
    terminal = undefined;
  });

  it('one status line, redrawn for the next wait and gone when the answer comes', async () => {
    world.server.setMode({ kind: 'rate-limited', retryAfter: '2', times429: 2 });
    terminal = Terminal.start(['customers', 'list'], {
      env: {
        ...baseEnv(world.config.dir),
        TANGO_BASE_URL: world.server.baseUrl,
        TANGO_PLATFORM_NAME: 'hostile',
        TANGO_PLATFORM_KEY: 'hostile-key',
        // The wait is the server's 2 s and a jitter of at most a millisecond: the line says "2 s".
        TANGO_RETRY_BASE_MS: '1',
      },
      width: 100,
    });

    const first = await terminal.waitFor('429 from Tango, retrying in 2 s (attempt 2 of 5)', 20_000);
    expect(first).not.toContain('attempt 3 of 5');
    const second = await terminal.waitFor('429 from Tango, retrying in 2 s (attempt 3 of 5)', 20_000);
    // The second wait took the first one's place: still one line.
    expect(second).not.toContain('attempt 2 of 5');

    expect(await terminal.exitCode(20_000)).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain('hostile-customer');
    expect(screen).not.toContain('retrying');
  });
});
