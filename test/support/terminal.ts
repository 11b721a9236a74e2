/**
 * Drives the built bin/tango.js in a real pseudo-terminal: a private tmux server (its own
 * socket, no user config), keys sent as a person would, the screen read back with capture-pane.
 * Tests wait for text with a timeout instead of sleeping, so they are as fast as the program.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellQuote } from '../../src/output/shell-quote.js';
import { BIN } from './tango.js';
import { requireTool } from './tools.js';

const EXIT_MARK = '[tango exited with ';

export interface TerminalOptions {
  /** The whole environment of the tango process (nothing else leaks in, CI included). */
  env: Record<string, string>;
  width?: number;
  height?: number;
  /** Working directory of the program (where the wizard saves a plan file by default). */
  cwd?: string;
}

export class Terminal {
  readonly #dir: string;
  readonly #socket: string;

  private constructor(dir: string) {
    this.#dir = dir;
    this.#socket = join(dir, 'tmux.sock');
  }

  /** Starts `tango <args>` in a fresh terminal; the pane stays after it exits, showing its exit code. */
  static start(args: string[], options: TerminalOptions): Terminal {
    requireTool('tmux', 'the terminal tests');
    const terminal = new Terminal(mkdtempSync(join(tmpdir(), 'tango-tty-')));
    const env = Object.entries({ TERM: 'screen', ...options.env }).map(([k, v]) => `${k}=${v}`);
    const tango = ['env', '-i', ...env, process.execPath, BIN, ...args].map(shellQuote).join(' ');
    // The pane must outlive the program so its last screen and exit code can be read. Ctrl-C reaches
    // the whole foreground group, this shell too: `trap :` keeps it alive (and, unlike ignoring the
    // signal, leaves tango's own SIGINT handling as it is).
    const script = `trap : INT; ${tango}; echo "${EXIT_MARK}$?]"; exec sleep 600`;
    terminal.#tmux([
      'new-session',
      '-d',
      '-x',
      String(options.width ?? 120),
      '-y',
      String(options.height ?? 40),
      ...(options.cwd ? ['-c', options.cwd] : []),
      'sh',
      '-c',
      script,
    ]);
    return terminal;
  }

  #tmux(args: string[]): string {
    return execFileSync('tmux', ['-S', this.#socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'screen', HOME: this.#dir },
    });
  }

  /** Everything the terminal has shown, wrapped lines joined, blank lines dropped. */
  screen(): string {
    const text = this.#tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', '0']);
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n');
  }

  /** Waits until the screen shows `text` (after `from` characters, to skip earlier matches). */
  async waitFor(text: string | RegExp, timeoutMs = 8000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(`The terminal did not show ${String(text)} within ${timeoutMs} ms. Screen:\n${screen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  /** Waits for `text` to appear `count` times in all (a question asked for the second account...). */
  async waitForNth(text: string, count: number, timeoutMs = 8000): Promise<string> {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.waitFor(new RegExp(`(?:${escaped}[\\s\\S]*){${count}}`), timeoutMs);
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    this.#tmux(['send-keys', '-t', '0', '-l', text]);
  }

  /** Presses keys by tmux name: Enter, Down, C-c, C-u ... */
  press(...keys: string[]): void {
    this.#tmux(['send-keys', '-t', '0', ...keys]);
  }

  /** Types an answer and presses Enter. */
  answer(text: string): void {
    this.type(text);
    this.press('Enter');
  }

  /** The program's exit code, once it has exited. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const screen = await this.waitFor(EXIT_MARK, timeoutMs);
    const match = screen.slice(screen.lastIndexOf(EXIT_MARK)).match(/\[tango exited with (\d+)\]/);
    return Number(match?.[1]);
  }

  close(): void {
    try {
      this.#tmux(['kill-server']);
    } catch {
      // already gone
    }
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
