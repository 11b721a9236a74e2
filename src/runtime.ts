/**
 * The process's streams, environment and Ctrl-C signal, in one place so the entry point owns them
 * and tests can run the program in-process with their own.
 */
import type { ContextIO } from './context.js';

let current: ContextIO | undefined;

export function setRuntime(io: ContextIO): void {
  current = io;
}

export function runtime(): ContextIO {
  current ??= {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    signal: new AbortController().signal,
  };
  return current;
}
