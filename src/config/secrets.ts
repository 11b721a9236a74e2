/** Secrets are shown as ****abcd: enough to tell two keys apart, never enough to use one. */
export function mask(secret: string | undefined): string {
  if (!secret) return '';
  return secret.length <= 8 ? '****' : `****${secret.slice(-4)}`;
}

/**
 * A secret piped on stdin (`printf %s "$KEY" | tango auth login ... --platform-key-stdin`), read
 * with `readStdin`. Exactly one trailing line break (LF or CRLF, from echo or a file) is not part of
 * it; any other whitespace or control character is refused naming the field, and nothing is stored:
 * no key holds one, so it is a slip (a second newline, a stray CR, a pasted space) that would
 * otherwise be stored and fail later as "refused credentials".
 */
export async function secretFromStdin(readStdin: () => Promise<string>, flag: string, name: string): Promise<string> {
  const value = withoutOneLineBreak(await readStdin());
  if (value === '') throw await usage(`${flag}: stdin was empty; it must hold ${name}`);
  await refuseHidden(value, flag, name);
  return value;
}

/**
 * Several secrets piped on stdin, one a line, in the order `names` gives them
 * (`printf '%s\n%s\n' "$SECRET" "$PASSWORD" | tango auth login ... --client-secret-stdin`):
 * exactly that many lines, the last one's line break optional, each checked as secretFromStdin does.
 */
export async function secretLinesFromStdin(
  readStdin: () => Promise<string>,
  flag: string,
  names: readonly string[],
): Promise<string[]> {
  const text = withoutOneLineBreak(await readStdin());
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const missing = names.filter((_, index) => !lines[index]);
  if (missing.length > 0 || lines.length !== names.length) {
    const why = missing.length > 0 ? `${missing.join(' and ')} missing` : `it holds ${lines.length} lines`;
    throw await usage(`${flag}: stdin must hold ${names.length} lines, ${names.join(', then ')}; ${why}`);
  }
  for (const [index, name] of names.entries()) await refuseHidden(lines[index]!, flag, name);
  return lines;
}

function withoutOneLineBreak(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Whitespace of any kind, control and invisible format characters (zero-width space, BOM). */
const HIDDEN = /[\s\p{Cc}\p{Cf}]/u;

async function refuseHidden(value: string, flag: string, name: string): Promise<void> {
  const found = HIDDEN.exec(value);
  if (!found) return;
  throw await usage(
    `${flag}: ${name} contains ${describe(found[0])} at character ${found.index + 1}; ` +
      'a secret read from stdin may end with one line break and contain no other whitespace or control character. Nothing was stored.',
    `pipe it as printf %s "$SECRET"; a secret that really contains ${describe(found[0])} can be typed at the prompt`,
  );
}

function describe(character: string): string {
  const names: Record<string, string> = {
    ' ': 'a space',
    '\t': 'a tab',
    '\n': 'a line break',
    '\r': 'a carriage return',
  };
  return names[character] ?? `the character U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

async function usage(message: string, hint?: string): Promise<Error> {
  const { UsageError } = await import('../errors.js');
  return new UsageError(message, hint ? { hint } : {});
}
