/**
 * The client-side pace of requests, one per process, shared by every client and every worker
 * (import rows, --all pages, onboarding steps), so together they stay under the server's limit.
 *
 * Tango allows about one request per second and answers 429 beyond it. The pacer spaces requests
 * evenly at a rate a little under the limit it knows (arrivals jitter by a few ms, and a one-token
 * bucket refuses a request that comes early), and adapts to what the server says:
 * - a 429 pauses every request until its Retry-After, and lowers the rate (multiplicative decrease);
 *   when no limit was known yet, the first 429 sets one from the requests the server just accepted;
 * - the rate then recovers gradually: back to its settled pace within RECOVERY_MS (just under the
 *   rate that met the 429 when probing beyond the known limit found it; 1% lower otherwise), then
 *   probes above it by PROBE_PER_MINUTE a minute, never above a configured ceiling.
 */

/** Pace at this share of a stated or learned limit. */
export const PACE_MARGIN = 0.97;
/** A 429 cuts the pace to this share of the rate it met. */
const DECREASE = 0.9;
/** A 429 met at the settled pace lowers it by this share only. */
const SETTLED_STEP = 0.99;
/** Time to climb back to just under the rate that met the last 429. */
const RECOVERY_MS = 30_000;
/** Beyond that, the pace grows by this share per minute, to find a limit that was raised. */
const PROBE_PER_MINUTE = 0.005;
/** Never slower than one request a minute, whatever the server says. */
const MIN_RATE = 1 / 60;
/** When no Retry-After comes with a 429, pause this long. */
const DEFAULT_PAUSE_MS = 1000;

export interface PacerOptions {
  /**
   * Requests per second never to exceed (the --rate setting or the environment's default);
   * undefined for none, in which case the pacer sends freely until the first 429.
   */
  ceiling?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** When a request got its turn; handed back with the answer so late answers are judged fairly. */
export type Ticket = number;

export class Pacer {
  readonly #ceiling: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The rate that met the last 429 (or the ceiling); recovery aims just under it. */
  #known: number;
  /** The rate right after the last cut (read only after a cut: see rate()), and when it was cut. */
  #floor = 0;
  #cutAt = Number.NEGATIVE_INFINITY;
  /** When the last request went, and the chain of turns waiting after it. */
  #last = Number.NEGATIVE_INFINITY;
  #queue: Promise<void> = Promise.resolve();
  #pausedUntil = 0;
  /**
   * When the answers other than 429 of the last second arrived, oldest first (those before `#oldest` are
   * forgotten): the first 429 learns a limit from them.
   */
  #accepted: number[] = [];
  #oldest = 0;

  constructor(options: PacerOptions = {}) {
    // Stryker disable next-line EqualityOperator: a ceiling of 0 is already turned away by `options.ceiling &&`
    this.#ceiling = options.ceiling && options.ceiling > 0 ? options.ceiling : Number.POSITIVE_INFINITY;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? abortableSleep;
    this.#known = this.#ceiling;
  }

  /** The configured requests per second (--rate or the environment's default), if any. */
  get ceiling(): number | undefined {
    return Number.isFinite(this.#ceiling) ? this.#ceiling : undefined;
  }

  /** Requests per second right now; Infinity while nothing limits them. */
  rate(at: number = this.#now()): number {
    const target = this.#known * PACE_MARGIN;
    const since = at - this.#cutAt;
    let rate: number;
    // Before any cut, since is Infinity, so the floor is read only after one.
    // Stryker disable next-line EqualityOperator: at since === RECOVERY_MS both formulas give the target
    if (since < RECOVERY_MS) rate = this.#floor + (target - this.#floor) * (since / RECOVERY_MS);
    else rate = target * (1 + (PROBE_PER_MINUTE * (since - RECOVERY_MS)) / 60_000);
    return Math.min(rate, this.#ceiling * PACE_MARGIN);
  }

  /**
   * Waits for this request's turn. Turns are taken one after another and spaced from when the
   * previous one really went, so a late timer never lets two requests out closer than the pace.
   */
  acquire(signal?: AbortSignal): Promise<Ticket> {
    const turn = this.#queue.then(() => this.#waitTurn(signal));
    this.#queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  async #waitTurn(signal: AbortSignal | undefined): Promise<Ticket> {
    for (;;) {
      const now = this.#now();
      const rate = this.rate(now);
      const ready = Math.max(this.#pausedUntil, Number.isFinite(rate) ? this.#last + 1000 / rate : 0);
      if (ready <= now) {
        this.#last = now;
        return now;
      }
      // Checked again after the wait: a 429 meanwhile may have pushed the turn further.
      await this.#sleep(ready - now, signal);
    }
  }

  /** Tells the pacer how the server answered a request sent on `ticket`. */
  answered(ticket: Ticket, status: number, retryAfterMs?: number): void {
    const now = this.#now();
    if (status !== 429) {
      // Only the first 429 reads the record: once a limit is known, nothing is kept.
      // Stryker disable next-line ConditionalExpression: recording on after a limit is known costs time, changes nothing
      if (!Number.isFinite(this.#known)) {
        this.#accepted.push(now);
        // Stryker disable next-line CallExpression: without it the record only grows; the first 429 trims it anyway
        this.#keepLastSecond(now);
      }
      return;
    }
    this.#pausedUntil = Math.max(this.#pausedUntil, now + (retryAfterMs ?? DEFAULT_PAUSE_MS));
    // Requests sent before the last cut met the old pace: one crowding, one cut.
    if (ticket < this.#cutAt) return;
    if (Number.isFinite(this.#known)) {
      const met = this.rate(ticket);
      // Probing beyond the known limit met it again: that is the limit now. A 429 below it is
      // jitter or another client on the same platform: step down gently, so one unlucky arrival
      // does not cost the rest of the run.
      this.#known = met >= this.#known ? met : this.#known * SETTLED_STEP;
      this.#known = Math.max(MIN_RATE, this.#known);
      this.#floor = Math.max(MIN_RATE, met * DECREASE);
    } else {
      // First sign of a limit: the server just accepted about this many requests in a second.
      this.#known = Math.max(1, this.#keepLastSecond(now));
      this.#floor = this.#known * PACE_MARGIN;
    }
    this.#cutAt = now;
  }

  /**
   * Forgets the answers accepted more than a second before `now`, and says how many are left. They are
   * forgotten from the front (answers come in time order) and the list is cut only when most of it is
   * forgotten, so each answer costs the same however fast they come.
   */
  #keepLastSecond(now: number): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end the time is undefined, and `> 1000` is false
    while (this.#oldest < this.#accepted.length && now - this.#accepted[this.#oldest]! > 1000) this.#oldest++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: when the list is cut changes its cost only
    if (this.#oldest * 2 > this.#accepted.length) {
      this.#accepted = this.#accepted.slice(this.#oldest);
      this.#oldest = 0;
    }
    return this.#accepted.length - this.#oldest;
  }
}

type Shared = { perSecond: number | undefined; pacer: Pacer | undefined };
let shared: Shared | undefined;
const byDispatcher = new WeakMap<object, Shared>();

/**
 * The process's pacer for `perSecond` requests a second (the --rate setting or the environment's
 * default; undefined: none known, adapt to 429s; 0: no client-side pacing at all). Every client
 * built in one process uses the same one, so workers and commands never stampede together. A
 * dispatcher handed in by the caller (a test's MockAgent) gets its own, as it stands for its own world.
 */
export function processPacer(perSecond: number | undefined, dispatcher?: object): Pacer | undefined {
  let entry = dispatcher ? byDispatcher.get(dispatcher) : shared;
  if (!entry || entry.perSecond !== perSecond) {
    entry = { perSecond, pacer: perSecond === 0 ? undefined : new Pacer({ ceiling: perSecond }) };
    if (dispatcher) byDispatcher.set(dispatcher, entry);
    else shared = entry;
  }
  return entry.pacer;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
