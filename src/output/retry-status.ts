/**
 * "503 from Tango, retrying in 2 s (attempt 2 of 5)": while a request waits to be tried again, one
 * line on stderr says so. At a terminal it is redrawn in place and cleared when the request is over,
 * so retries never pile up; with --verbose (or TANGO_QUIET=0 off a terminal) each wait is its own
 * line, beside the trace; otherwise (a pipe, cron, -q) nothing.
 */
import { createPaint } from './color.js';

/** What api/http.ts tells of a wait (its RetryWait; output/ does not import api/). */
export interface RetryWait {
  status: number | undefined;
  networkCode: string | undefined;
  delayMs: number;
  nextAttempt: number;
  maxAttempts: number;
}

export type RetryStatusMode = 'redraw' | 'lines' | 'off';

export interface RetryStatusOptions {
  mode: RetryStatusMode;
  color: boolean;
  /** stderr's width at a terminal: a redrawn line must not wrap, or \r would return to its last row only. */
  columns: number | undefined;
  write: (text: string) => void;
}

/** Erases the terminal's current line and returns to its start. */
const CLEAR_LINE = '\r\u001b[2K';

export function retryMessage(notice: RetryWait): string {
  const cause =
    notice.status === undefined ? `Network error (${notice.networkCode ?? 'unknown'})` : `${notice.status} from Tango`;
  return `${cause}, retrying in ${seconds(notice.delayMs)} (attempt ${notice.nextAttempt} of ${notice.maxAttempts})`;
}

function seconds(ms: number): string {
  if (ms < 1000) return 'under a second';
  return `${Math.round(ms / 1000)} s`;
}

export function createRetryStatus({ mode, color, columns, write }: RetryStatusOptions) {
  const paint = createPaint(color);
  // Requests waiting now (an import sends several at once): the line stays until the last is over.
  const waiting = new Set<RetryWait>();
  return {
    waiting(notice: RetryWait): void {
      if (mode === 'off') return;
      const message = retryMessage(notice);
      if (mode === 'lines') {
        write(`${paint.yellow(message)}\n`);
        return;
      }
      waiting.add(notice);
      const fitted = columns && message.length >= columns ? `${message.slice(0, columns - 2)}…` : message;
      write(`${CLEAR_LINE}${paint.yellow(fitted)}`);
    },
    settled(notice: RetryWait): void {
      if (!waiting.delete(notice) || waiting.size > 0) return;
      write(CLEAR_LINE);
    },
  };
}
