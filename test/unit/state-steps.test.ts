/** The step engine `tango apply` and `tango onboard` share: order, progress, Ctrl-C, the first failure. */
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { runSteps, type Step } from '../../src/state/steps.js';

function step(name: string, run: () => Promise<string> = async () => name): Step<string> {
  return { label: name, starting: `Doing ${name} ...`, run, finished: (result) => `done ${result}` };
}

describe('runSteps', () => {
  it('runs every step in order, with a line before and after each', async () => {
    const lines: string[] = [];
    const run = await runSteps([step('a'), step('b')], { progress: (line) => lines.push(line) });

    expect(run.done.map((d) => d.result)).toEqual(['a', 'b']);
    expect(run).toMatchObject({ notStarted: [], interrupted: false });
    expect(run.failed).toBeUndefined();
    expect(lines).toEqual(['  Doing a ...', '  done a', '  Doing b ...', '  done b']);
  });

  it('stops at the first failure: the rest never start', async () => {
    const boom = new Error('boom');
    const third = step('c');
    const run = await runSteps(
      [
        step('a'),
        step('b', async () => {
          throw boom;
        }),
        third,
      ],
      { progress: () => {} },
    );

    expect(run.done.map((d) => d.result)).toEqual(['a']);
    expect(run.failed).toMatchObject({ error: boom, inFlight: false });
    expect(run.failed?.step.label).toBe('b');
    expect(run.notStarted).toEqual([third]);
  });

  it('after Ctrl-C the step in flight finishes and no other starts', async () => {
    const interrupt = new AbortController();
    const second = step('b');
    const run = await runSteps(
      [
        step('a', async () => {
          interrupt.abort();
          return 'a';
        }),
        second,
      ],
      { progress: () => {}, signal: interrupt.signal },
    );

    expect(run.done.map((d) => d.result)).toEqual(['a']);
    expect(run).toMatchObject({ interrupted: true, notStarted: [second] });
    expect(run.failed).toBeUndefined();
  });

  it('a step cut off by Ctrl-C may have reached the server: it is in flight, not failed', async () => {
    const run = await runSteps(
      [
        step('a', async () => {
          throw new InterruptedError();
        }),
      ],
      { progress: () => {} },
    );

    expect(run.failed?.inFlight).toBe(true);
    expect(run.interrupted).toBe(true);
  });
});
