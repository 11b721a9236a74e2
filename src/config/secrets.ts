/** Secrets are shown as ****abcd: enough to tell two keys apart, never enough to use one. */
export function mask(secret: string | undefined): string {
  if (!secret) return '';
  return secret.length <= 8 ? '****' : `****${secret.slice(-4)}`;
}

/** Reads a secret piped on stdin (`printf %s "$KEY" | tango auth login ... --platform-key-stdin`). */
export async function readSecretFromStdin(stdin: NodeJS.ReadStream, what: string): Promise<string> {
  const { UsageError } = await import('../errors.js');
  const value = (await readPiped(stdin, what)).replace(/\r?\n$/, '');
  if (!value.trim()) throw new UsageError(`${what}: stdin was empty`);
  return value;
}

/**
 * Reads several secrets piped on stdin, one a line, in the order `names` gives them
 * (`printf '%s\n%s\n' "$SECRET" "$PASSWORD" | tango auth login ... --client-secret-stdin`).
 */
export async function readSecretLinesFromStdin(
  stdin: NodeJS.ReadStream,
  what: string,
  names: readonly string[],
): Promise<string[]> {
  const { UsageError } = await import('../errors.js');
  const lines = (await readPiped(stdin, what)).split(/\r?\n/);
  const values = names.map((_, index) => lines[index] ?? '');
  const missing = names.filter((_, index) => !values[index]!.trim());
  if (missing.length > 0) {
    throw new UsageError(
      `${what}: stdin must hold ${names.length} lines, ${names.join(', then ')}; ${missing.join(' and ')} missing`,
      {
        hint: `printf '%s\\n%s\\n' "$CLIENT_SECRET" "$PASSWORD" | tango auth login ... ${what}`,
      },
    );
  }
  return values;
}

async function readPiped(stdin: NodeJS.ReadStream, what: string): Promise<string> {
  const { UsageError } = await import('../errors.js');
  if (stdin.isTTY) {
    throw new UsageError(`${what}: nothing is piped on stdin`, {
      hint: `pipe it in, e.g. printf %s "$SECRET" | tango auth login ...; or run without the -stdin flag at a terminal to be asked`,
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
