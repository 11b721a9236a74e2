/** Reading what a flag names: a file, or stdin for `-`; errors name the flag. */
import { readFile, stat } from 'node:fs/promises';
import type { Context } from '../context.js';
import { describeSize, MAX_INPUT_BYTES } from '../domain/input-limits.js';
import { UsageError } from '../errors.js';

/**
 * The text of `path`, or all of stdin when it is `-` (refused when nothing is piped in). `flag` is
 * how the user named it: `--input` (then `--input -`) or `-F key=@` (then `-F key=@-`).
 */
export function readInput(ctx: Context, flag: string, path: string, example: string): Promise<string> {
  if (path !== '-') return readTextFile(flag, path);
  return ctx.io.readStdin(`${flag}${separator(flag)}-`, example);
}

/** `-F key=@file` is written without a space, `--input file` with one. */
function separator(flag: string): string {
  return flag.endsWith('@') ? '' : ' ';
}

/** The file's text; one larger than MAX_INPUT_BYTES is refused by its size before a byte is read. */
export async function readTextFile(flag: string, path: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
    if (size <= MAX_INPUT_BYTES) return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const sep = separator(flag);
    throw new UsageError(`Cannot read ${flag}${sep}${path} (${code ?? (error as Error).message})`, {
      hint: code === 'ENOENT' ? `check the path; use ${flag}${sep}- to read stdin` : undefined,
    });
  }
  const sep = separator(flag);
  throw new UsageError(
    `${flag}${sep}${path} is ${describeSize(size)}; at most ${describeSize(MAX_INPUT_BYTES)} is read`,
    { hint: 'split it into smaller files and run once for each' },
  );
}
