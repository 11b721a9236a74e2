/** Secrets are shown as ****abcd: enough to tell two keys apart, never enough to use one. */
export function mask(secret: string | undefined): string {
  if (!secret) return '';
  return secret.length <= 8 ? '****' : `****${secret.slice(-4)}`;
}

/** Reads a secret piped on stdin (`printf %s "$KEY" | tango auth login ... --platform-key-stdin`). */
export async function readSecretFromStdin(stdin: NodeJS.ReadStream, what: string): Promise<string> {
  const { UsageError } = await import('../errors.js');
  if (stdin.isTTY) {
    throw new UsageError(`${what}: nothing is piped on stdin`, {
      hint: `pipe it in, e.g. printf %s "$SECRET" | tango auth login ...; or run without the -stdin flag at a terminal to be asked`,
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  const value = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!value.trim()) throw new UsageError(`${what}: stdin was empty`);
  return value;
}
