/** --dry-run: the exact request a command would send, on stdout, and nothing sent. */
import type { PreparedRequest, RequestSpec } from '../api/http.js';
import type { Context } from '../context.js';

/**
 * Shows the exact request (method, URL, headers with credentials redacted, body) on stdout and
 * sends nothing. Works without stored credentials: only the base URL is needed to describe it.
 */
export async function printDryRun(ctx: Context, spec: RequestSpec): Promise<void> {
  const prepared = await describeRequest(ctx, spec);
  if (ctx.output.wantsDocument) {
    await ctx.output.document(prepared);
  } else {
    const headers = Object.entries(prepared.headers).map(([name, value]) => `${name}: ${value}`);
    const body = prepared.body === undefined ? [] : ['', JSON.stringify(prepared.body, null, 2)];
    await ctx.output.lines([`${prepared.method} ${prepared.url}`, ...headers, ...body]);
  }
  ctx.log.note('Dry run: nothing was sent.');
}

async function describeRequest(ctx: Context, spec: RequestSpec): Promise<PreparedRequest> {
  if (ctx.settings.credentials || ctx.settings.env.value === 'local') return (await ctx.api()).describe(spec);
  const { describingClient } = await import('../api/client.js');
  const client = describingClient(ctx.settings.baseUrl.value);
  try {
    return client.describe(spec);
  } finally {
    await client.close();
  }
}
