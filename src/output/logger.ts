/** Everything that is not data goes to stderr through this. */
import { createPaint } from './color.js';
import { escapeControls } from './controls.js';

export interface Logger {
  /** Plain information for the person at the terminal. */
  info(message: string): void;
  /** What the command is for, on stderr (a server's banner and request log): printed wherever stderr goes. */
  plain(message: string): void;
  /** A by-the-way the eye may skip (columns left out of a table), dimmed. */
  aside(message: string): void;
  /** Something the user should know but that is not a failure. */
  note(message: string): void;
  warn(message: string): void;
  success(message: string): void;
  /** Only with --verbose / TANGO_DEBUG=1. */
  debug(message: string): void;
}

export interface LoggerOptions {
  verbose: boolean;
  /**
   * Whether info, notes and success lines are printed: only when stderr is a terminal and not
   * --quiet, as gh does, so a cron job that succeeds mails nothing. Warnings always are.
   */
  chatter: boolean;
  color: boolean;
  write: (text: string) => void;
}

export function createLogger({ verbose, chatter, color, write }: LoggerOptions): Logger {
  const paint = createPaint(color);
  // Messages carry server text (names, errors): escaped before colour is added around them.
  const line = (text: string) => write(`${text}\n`);
  const plain = escapeControls;
  const chat = (text: string) => {
    if (chatter) line(text);
  };
  return {
    info: (m) => chat(plain(m)),
    plain: (m) => line(plain(m)),
    aside: (m) => chat(paint.dim(plain(m))),
    note: (m) => chat(paint.cyan(plain(m))),
    warn: (m) => line(paint.yellow(`Warning: ${plain(m)}`)),
    success: (m) => chat(paint.green(plain(m))),
    debug: (m) => {
      if (verbose) line(paint.dim(plain(m)));
    },
  };
}
