/**
 * `tango diff`'s work, and the first half of `tango apply`: read the file (checked whole before
 * any request), read the live state of what it names, and compare.
 */
import type { TangoApi } from '../api/tango.js';
import type { DiffFlags } from '../commands/diff.js';
import type { Context } from '../context.js';
import { ExitCode, FindingExit } from '../errors.js';
import { readState } from './file.js';
import { readLiveFor } from './live.js';
import { type Change, planChanges, summarize } from './plan.js';
import { planDocument, planLines } from './render.js';
import type { DesiredState } from './types.js';

export interface StateFlags {
  file: string;
  pruneAlerts?: boolean;
}

/** The file named by -f, or stdin for "-". */
export function readStateFlag(ctx: Context, file: string): Promise<DesiredState> {
  return readState(file, () => ctx.io.readStdin('-f -', 'tango diff -f - < platform.yaml'));
}

/** Every change that would bring the live state to the file's, in the file's order. */
export async function computeChanges(
  api: TangoApi,
  ctx: Context,
  desired: DesiredState,
  flags: StateFlags,
): Promise<Change[]> {
  const live = await readLiveFor(api, desired, { signal: ctx.signal });
  return planChanges(desired, live, { pruneAlerts: Boolean(flags.pruneAlerts) });
}

export async function diffState(ctx: Context, flags: DiffFlags): Promise<void> {
  ctx.output.refuseChoicesOtherThan('tango diff', ['table', 'json', 'ndjson', 'text']);
  const desired = await readStateFlag(ctx, flags.file);
  const changes = await computeChanges(await ctx.api(), ctx, desired, flags);
  if (ctx.output.wantsDocument) await ctx.output.document(planDocument(changes));
  else await ctx.output.lines(planLines(changes, await ctx.output.paint()));
  const summary = summarize(changes);
  // A conflict outranks a difference: the file cannot be applied as it is.
  if (summary.conflict > 0) {
    ctx.log.warn(
      `${summary.conflict} change${summary.conflict === 1 ? '' : 's'} the API cannot make (marked !); tango apply would refuse this file.`,
      'plan_conflicts',
    );
    throw new FindingExit(ExitCode.conflict, 'conflicts found');
  }
  if (summary.create + summary.update + summary.delete > 0)
    throw new FindingExit(ExitCode.differences, 'differences found');
}
