/** `tango export`'s work: read every customer named (or all), write them as a state file. */
import type { ExportFlags } from '../commands/export.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { countWords, stateDocument, stateText } from './document.js';
import { formatOf, refuseExisting, writeText } from './file.js';
import { readLiveAll } from './live.js';

export async function exportState(ctx: Context, named: readonly string[], flags: ExportFlags): Promise<void> {
  // Checked before any request: a file name without a format, or a format choice that cannot be
  // kept, would waste the whole read. `table` is the default: YAML.
  ctx.output.refuseChoicesOtherThan('tango export', ['table', 'json']);
  const chosen = ctx.output.format === 'json' ? 'json' : 'yaml';
  const format = flags.file === undefined ? chosen : formatOf(flags.file);
  if (flags.file !== undefined && ctx.output.formatGiven && ctx.output.format === 'json' && format !== 'json') {
    throw new UsageError(
      `tango export: --json (or -o json) asks for JSON, but ${flags.file} names YAML; name it .json`,
    );
  }
  if (flags.file !== undefined) await refuseExisting(flags.file, Boolean(flags.force));
  const api = await ctx.api();
  // A customer named twice is one customer: written twice, applying the file would not be a no-op.
  const customers = await readLiveAll(api, [...new Set(named)]);
  const text = await stateText(stateDocument(customers), format);
  if (flags.file === undefined) {
    await ctx.output.text(text);
    return;
  }
  await writeText(flags.file, text, Boolean(flags.force));
  ctx.log.success(`Exported ${countWords(customers)} to ${flags.file}.`);
}
