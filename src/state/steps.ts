/**
 * The engine that carries out a list of writes, one after the other, for `tango apply` and
 * `tango onboard` (a plan, or the wizard's answers): a progress line before and after each step,
 * no new step once Ctrl-C was pressed (the one in flight finishes: the caller's client lets it),
 * and the first failure stops the run. It reports what happened; each command words the end its
 * own way (apply: a report on stdout; onboard: what was and was not created).
 */
import { InterruptedError } from '../errors.js';

export interface Step<R> {
  /** How progress names it: `account acme-main`, `alert "Budget low" on acme-main`. */
  label: string;
  /** The line before it is sent: `Creating account acme-main ...`. */
  starting: string;
  run(): Promise<R>;
  /** The line once it is done: `✔ account acme-main created`. */
  finished(result: R): string;
}

/** What a step's run() gives. */
export type ResultOf<S> = S extends Step<infer R> ? R : never;

/** What happened to the steps; `S` is the caller's own step type, handed back as given. */
export interface StepsRun<S extends Step<unknown>> {
  done: Array<{ step: S; result: ResultOf<S> }>;
  /** The step that failed (or was cut off by Ctrl-C) and why; `inFlight` when it may have reached the server. */
  failed?: { step: S; error: unknown; inFlight: boolean };
  /** Steps never started. */
  notStarted: S[];
  interrupted: boolean;
}

export interface StepsOptions {
  progress: (line: string) => void;
  signal?: AbortSignal;
}

export async function runSteps<S extends Step<unknown>>(
  steps: readonly S[],
  options: StepsOptions,
): Promise<StepsRun<S>> {
  const done: StepsRun<S>['done'] = [];
  for (const [index, step] of steps.entries()) {
    if (options.signal?.aborted) return { done, notStarted: steps.slice(index), interrupted: true };
    options.progress(`  ${step.starting}`);
    try {
      const result = (await step.run()) as ResultOf<S>;
      done.push({ step, result });
      options.progress(`  ${step.finished(result)}`);
    } catch (error) {
      // A request cut off by Ctrl-C may have reached the server; say so rather than guess.
      const interrupted = error instanceof InterruptedError || options.signal?.aborted === true;
      return { done, failed: { step, error, inFlight: interrupted }, notStarted: steps.slice(index + 1), interrupted };
    }
  }
  return { done, notStarted: [], interrupted: options.signal?.aborted === true };
}
