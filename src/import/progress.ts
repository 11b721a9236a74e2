/**
 * Progress on stderr while rows are sent. On a terminal, one bar redrawn in place; otherwise (a
 * log file, CI) a plain line every few seconds, so a long run shows it is alive without flooding.
 */
import type { Outcome, RowResult } from './types.js';

export type Counts = Record<Outcome, number>;

export function emptyCounts(): Counts {
  return { created: 0, existed: 0, conflict: 0, failed: 0, unknown: 0, 'not-attempted': 0 };
}

export interface ProgressOptions {
  total: number;
  /** Redraw a bar in place (stderr is a terminal) or print plain lines. */
  tty: boolean;
  write: (text: string) => void;
  /** The terminal's width: a bar longer than a line would wrap and stop redrawing in place. */
  columns?: number;
  /** How often a line or a redraw happens. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  /** `sent`: the outcome took requests; rows settled from the accounts found first do not count toward the rate. */
  add(result: RowResult, sent: boolean): void;
  /** Stops the timer and clears the bar, so the summary starts on a clean line. */
  stop(): void;
}

const BAR_WIDTH = 24;

export function startProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const counts = emptyCounts();
  let sentRows = 0;
  let drawn = false;
  const draw = () => {
    const line = describe(counts, options.total, sentRows, now() - started);
    if (options.tty)
      options.write(`\r\x1b[K${`${bar(counts, options.total)} ${line}`.slice(0, (options.columns ?? 80) - 1)}`);
    else options.write(`${line}\n`);
    drawn = true;
  };
  const timer = setInterval(draw, options.intervalMs ?? (options.tty ? 100 : 5_000));
  timer.unref();
  return {
    add: (result, sent) => {
      counts[result.outcome] += 1;
      if (sent) sentRows += 1;
    },
    stop: () => {
      clearInterval(timer);
      if (options.tty && drawn) options.write('\r\x1b[K');
    },
  };
}

export function doneOf(counts: Counts): number {
  return counts.created + counts.existed + counts.conflict + counts.failed + counts.unknown;
}

/** `152/500 created 120, existed 30, conflict 0, failed 2 · 8.1 rows/s · ETA 0:43`; the rate counts rows sent. */
export function describe(counts: Counts, total: number, sentRows: number, elapsedMs: number): string {
  const done = doneOf(counts);
  const perSecond = elapsedMs > 0 ? (sentRows * 1000) / elapsedMs : 0;
  const eta = perSecond > 0 ? clock((total - done) / perSecond) : '-';
  const tally = `created ${counts.created}, existed ${counts.existed}, conflict ${counts.conflict}, failed ${counts.failed}`;
  return `${done}/${total} ${tally} · ${perSecond.toFixed(1)} rows/s · ETA ${eta}`;
}

function bar(counts: Counts, total: number): string {
  const filled = total ? Math.round((doneOf(counts) / total) * BAR_WIDTH) : BAR_WIDTH;
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
}

export function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
