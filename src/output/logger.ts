/** Everything that is not data goes to stderr through this. */
import { createPaint } from './color.js';
import { escapeControls } from './controls.js';

/**
 * What a warning is about, for a script that reads stderr as JSON (`{"warning": {"message", "kind"}}`):
 * a name it can switch on, as the error object's `kind` is.
 */
export type WarningKind =
  | 'production_write'
  | 'credentials_override'
  | 'base_url_wins'
  | 'emulator_state_reset'
  | 'config_recovered'
  | 'credentials_unverified'
  | 'credentials_refused'
  | 'alert_emails_differ'
  | 'plan_conflicts'
  | 'no_rows';

export interface Logger {
  /** Plain information for the person at the terminal. */
  info(message: string): void;
  /** What the command is for, on stderr (a server's banner and request log): printed wherever stderr goes. */
  plain(message: string): void;
  /** A by-the-way the eye may skip (columns left out of a table), dimmed. */
  aside(message: string): void;
  /** Something the user should know but that is not a failure. */
  note(message: string): void;
  /** Printed wherever stderr goes, also under -q. */
  warn(message: string, kind: WarningKind): void;
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
  /**
   * stderr is read by a script (-o json/ndjson, --error-format json): every line is one JSON object,
   * `{"warning": {"message", "kind"}}`, `{"info": {"message"}}` or `{"debug": {"message"}}`, beside the
   * one `{"error": …}` cli.ts prints, so `2> >(jq)` never meets a line of words.
   */
  json?: boolean;
  write: (text: string) => void;
}

/** One line of stderr as JSON: `{"warning": {...}}`, `{"info": {...}}`, `{"debug": {...}}`. */
export function jsonLine(level: 'warning' | 'info' | 'debug', fields: { message: string; kind?: string }): string {
  return `${JSON.stringify({ [level]: fields })}\n`;
}

export function createLogger(options: LoggerOptions): Logger {
  return options.json ? jsonLogger(options) : textLogger(options);
}

function textLogger({ verbose, chatter, color, write }: LoggerOptions): Logger {
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

/** The same choices of what is printed as textLogger; each line a JSON object (which escapes controls itself). */
function jsonLogger({ verbose, chatter, write }: LoggerOptions): Logger {
  const info = (message: string) => write(jsonLine('info', { message }));
  const chat = (message: string) => {
    if (chatter) info(message);
  };
  return {
    info: chat,
    plain: info,
    aside: chat,
    note: chat,
    warn: (message, kind) => write(jsonLine('warning', { message, kind })),
    success: chat,
    debug: (message) => {
      if (verbose) write(jsonLine('debug', { message }));
    },
  };
}
