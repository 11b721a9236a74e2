/**
 * "503 from Tango, retrying in 2 s (attempt 2 of 5)": while a request waits to be tried again, one
 * line on stderr says so. At a terminal it is the retry part of the status line (status-line.ts),
 * beside an import's progress bar, and removed when the request is over, so retries never pile up;
 * with --verbose (or TANGO_QUIET=0 off a terminal) each wait is its own line, beside the trace (a
 * JSON object when stderr is read as JSON); otherwise (a pipe, cron, -q) nothing.
 */
import { createPaint } from './color.js';
import { jsonLine } from './logger.js';
import type { StatusLine } from './status-line.js';

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
  /** Where 'redraw' shows the message: the terminal's one status line (there is one whenever 'redraw' is chosen). */
  line: StatusLine | undefined;
  /** 'lines' as `{"info": {"message", "kind": "retry"}}` (stderr read by a script, see logger.ts). */
  json?: boolean;
  write: (text: string) => void;
}

export function retryMessage(notice: RetryWait): string {
  const cause =
    notice.status === undefined ? `Network error (${notice.networkCode ?? 'unknown'})` : `${notice.status} from Tango`;
  return `${cause}, retrying in ${seconds(notice.delayMs)} (attempt ${notice.nextAttempt} of ${notice.maxAttempts})`;
}

function seconds(ms: number): string {
  if (ms < 1000) return 'under a second';
  return `${Math.round(ms / 1000)} s`;
}

export function createRetryStatus({ mode, color, line, json, write }: RetryStatusOptions) {
  const paint = createPaint(color);
  // Requests waiting now (an import sends several at once): the message stays until the last is over.
  const waiting = new Set<RetryWait>();
  return {
    waiting(notice: RetryWait): void {
      if (mode === 'off') return;
      const message = retryMessage(notice);
      if (mode === 'lines') {
        write(json ? jsonLine('info', { message, kind: 'retry' }) : `${paint.yellow(message)}\n`);
        return;
      }
      waiting.add(notice);
      line?.set('retry', message);
    },
    settled(notice: RetryWait): void {
      if (!waiting.delete(notice) || waiting.size > 0) return;
      line?.set('retry', undefined);
    },
  };
}
