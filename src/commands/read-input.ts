/** Reading what a flag names: a file, or stdin for `-`; errors name the flag. */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

export const STDIN = '-';

/** The text of `path`, or of stdin when it is `-` (refused when stdin is a terminal: nothing was piped). */
export async function readInput(flag: string, path: string, stdin: NodeJS.ReadStream): Promise<string> {
  return path === STDIN ? readStdin(flag, stdin) : readInputFile(flag, path);
}

async function readInputFile(flag: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${flag} ${path} (${code ?? (error as Error).message})`, {
      hint: code === 'ENOENT' ? `check the path; use ${flag} - to read stdin` : undefined,
    });
  }
}

async function readStdin(flag: string, stdin: NodeJS.ReadStream): Promise<string> {
  // A terminal on stdin means nothing was piped: waiting would look like a hang.
  if (stdin.isTTY) throw new UsageError(`${flag} - reads stdin, but nothing is piped in`);
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
