/** Secrets are shown as ****abcd: enough to tell two keys apart, never enough to use one. */
export function mask(secret: string | undefined): string {
  if (!secret) return '';
  return secret.length <= 8 ? '****' : `****${secret.slice(-4)}`;
}

/**
 * A secret piped on stdin (`printf %s "$KEY" | tango auth login ... --platform-key-stdin`), read
 * with `readStdin`; one trailing line break (from echo) is not part of it.
 */
export async function secretFromStdin(readStdin: () => Promise<string>, flag: string): Promise<string> {
  const value = (await readStdin()).replace(/\r?\n$/, '');
  if (!value.trim()) {
    const { UsageError } = await import('../errors.js');
    throw new UsageError(`${flag}: stdin was empty`);
  }
  return value;
}

/**
 * Several secrets piped on stdin, one a line, in the order `names` gives them
 * (`printf '%s\n%s\n' "$SECRET" "$PASSWORD" | tango auth login ... --client-secret-stdin`).
 */
export async function secretLinesFromStdin(
  readStdin: () => Promise<string>,
  flag: string,
  names: readonly string[],
): Promise<string[]> {
  const lines = (await readStdin()).split(/\r?\n/);
  const values = names.map((_, index) => lines[index] ?? '');
  const missing = names.filter((_, index) => !values[index]!.trim());
  if (missing.length > 0) {
    const { UsageError } = await import('../errors.js');
    throw new UsageError(
      `${flag}: stdin must hold ${names.length} lines, ${names.join(', then ')}; ${missing.join(' and ')} missing`,
    );
  }
  return values;
}
