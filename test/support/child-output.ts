/** Collects a child process's stdout and stderr as text, and its exit code. */
import type { ChildProcess } from 'node:child_process';

export interface ChildOutput {
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

export function collectOutput(child: ChildProcess): ChildOutput {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
  };
}
