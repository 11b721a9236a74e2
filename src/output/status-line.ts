/**
 * The one line at the bottom of a terminal that is redrawn in place: an import's progress bar and
 * the retry status ("503 from Tango, retrying in 2 s …") share it. Each writer sets its own part
 * and the line is redrawn at once from both, so neither erases the other: a retry shows beside the
 * bar, and when the retry is over the bar is back in the same write that clears the message.
 * Only at a terminal; off a terminal each writer prints lines of its own.
 */
import { createPaint } from './color.js';

/** Erases the terminal's current line and returns to its start. */
export const CLEAR_LINE = '\r\u001b[2K';

/** Left to right on the line. */
export type StatusPart = 'progress' | 'retry';

export interface StatusLine {
  /**
   * Shows `text` as this part of the line, or removes the part (undefined), and redraws. When the
   * line is too wide, the progress is cut first, never below its first `keep` characters (the bar
   * and count); the retry message is then cut with ….
   */
  set(part: StatusPart, text: string | undefined, keep?: number): void;
}

export interface StatusLineOptions {
  color: boolean;
  /** stderr's width: a line that wraps could not be redrawn in place (\r returns to its last row only). */
  columns: number | undefined;
  write: (text: string) => void;
}

const GAP = '  ';

export function createStatusLine({ color, columns, write }: StatusLineOptions): StatusLine {
  const paint = createPaint(color);
  const width = (columns ?? 80) - 1;
  let progress: { text: string; keep: number } | undefined;
  let retry: string | undefined;
  let drawn = false;
  const redraw = () => {
    if (progress === undefined && retry === undefined) {
      if (drawn) write(CLEAR_LINE);
      drawn = false;
      return;
    }
    write(`${CLEAR_LINE}${compose(progress, retry, width, paint.yellow)}`);
    drawn = true;
  };
  return {
    set(part, text, keep = 0) {
      if (part === 'progress') progress = text === undefined ? undefined : { text, keep };
      else retry = text;
      redraw();
    },
  };
}

function compose(
  progress: { text: string; keep: number } | undefined,
  retry: string | undefined,
  width: number,
  yellow: (text: string) => string,
): string {
  if (retry === undefined) return progress!.text.slice(0, width);
  if (progress === undefined) return yellow(ellipsis(retry, width));
  const room = Math.max(progress.keep, width - GAP.length - retry.length);
  const head = progress.text.slice(0, Math.min(room, width));
  const rest = width - head.length - GAP.length;
  return rest < 1 ? head : `${head}${GAP}${yellow(ellipsis(retry, rest))}`;
}

function ellipsis(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
