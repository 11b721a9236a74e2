/**
 * Progress on stderr while rows are sent. On a terminal, one bar redrawn in place (on the status
 * line it shares with the retry message); otherwise (a
 * log file, CI) a plain line every few seconds, so a long run shows it is alive without flooding.
 */
import type { StatusLine } from '../output/status-line.js';
import type { Outcome, RowResult } from './types.js';

export type Counts = Record<Outcome, number>;

export function emptyCounts(): Counts {
  return { created: 0, existed: 0, conflict: 0, failed: 0, unknown: 0, 'not-attempted': 0 };
}

export interface ProgressOptions {
  total: number;
  /**
   * At a terminal: the line the bar is redrawn on, shared with the retry status so neither erases
   * the other. Without it (a log file, CI, --verbose), a plain line every few seconds through `say`.
   */
  line?: StatusLine;
  /** Prints one line (no newline at its end); the caller decides whether it is printed at all. */
  say: (line: string) => void;
  /** How often a line or a redraw happens. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  /** `sent`: the outcome took requests; rows settled from the accounts found first do not count toward the rate. */
  add(result: RowResult, sent: boolean): void;
  /** Stops the timer and removes the bar, so the summary starts on a clean line. */
  stop(): void;
}

const BAR_WIDTH = 24;

export function startProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const { line } = options;
  const started = now();
  const counts = emptyCounts();
  let sentRows = 0;
  const draw = () => {
    const text = describe(counts, options.total, sentRows, now() - started);
    if (!line) return options.say(text);
    // Kept when a retry message needs room: the bar and "152/500".
    const head = `${bar(counts, options.total)} ${doneOf(counts)}/${options.total}`;
    line.set('progress', `${bar(counts, options.total)} ${text}`, head.length);
  };
  const timer = setInterval(draw, options.intervalMs ?? (line ? 100 : 5_000));
  timer.unref();
  return {
    add: (result, sent) => {
      counts[result.outcome] += 1;
      if (sent) sentRows += 1;
    },
    stop: () => {
      clearInterval(timer);
      line?.set('progress', undefined);
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
