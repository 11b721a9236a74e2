/**
 * Programs outside Node that some tests drive: real shells (bash, zsh, fish) for the completion
 * tests, tmux for the terminal tests. A fresh clone with Node alone must pass `npm test`, so where
 * one is missing its tests are reported as not run, with one line naming the package to install.
 * CI must never pass without them: under TANGO_REQUIRE_TOOLS=1 (set by .ci/run, which installs
 * them) those tests run anyway and fail with the same advice.
 */
import { spawnSync } from 'node:child_process';

export type Tool = 'bash' | 'zsh' | 'fish' | 'tmux';

/** The variable under which a missing tool fails the tests that need it instead of skipping them. */
export const REQUIRE_TOOLS = 'TANGO_REQUIRE_TOOLS';

/** Whether `tool` runs here (on this PATH). */
export function installed(tool: Tool): boolean {
  const probe = spawnSync(tool, tool === 'tmux' ? ['-V'] : ['-c', 'exit 0'], { stdio: 'ignore' });
  return !probe.error && probe.status === 0;
}

function advice(tool: Tool): string {
  return `install it (apt-get install -y ${tool}), or run .ci/run, which does`;
}

/** Fails with what to install when `tool` is missing; for the code that is about to run it. */
export function requireTool(tool: Tool, purpose: string): void {
  if (!installed(tool)) throw new Error(`${tool} is not installed, and ${purpose} drive it: ${advice(tool)}.`);
}

/**
 * Whether the tests that need `tool` should run: yes when it is installed, and yes when it is
 * required (they then fail through requireTool). Otherwise says once, on stderr, that they are not run.
 */
export function shouldRun(tool: Tool, purpose: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[REQUIRE_TOOLS] === '1' || installed(tool)) return true;
  console.warn(`${purpose} not run: ${tool} is not installed; ${advice(tool)} (CI sets ${REQUIRE_TOOLS}=1).`);
  return false;
}
