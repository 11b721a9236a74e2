/**
 * What a create did: a line on stderr (created, created after a lost answer, or already there)
 * and on stdout the resource, or with --outcome the documented wrapper a script tests.
 */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { ResourceView } from '../output/columns.js';

export type CreateResult<T = unknown> =
  | { outcome: 'created'; resource: T; recovered: boolean }
  | { outcome: 'existed'; resource: T };

/** --outcome, on the creates that take --if-not-exists. */
export function addOutcomeOption(command: Command): Command {
  return command.option(
    '--outcome',
    'with -o json or ndjson, print {"outcome": "created" or "existed", "resource": <the API object>}',
  );
}

/** Refused before anything is sent: --outcome only has a place in JSON. */
export function checkOutcome(ctx: Context, outcome: boolean | undefined): void {
  if (outcome && ctx.output.format !== 'json' && ctx.output.format !== 'ndjson') {
    throw new UsageError('--outcome needs -o json or -o ndjson; nothing was sent', {
      hint: 'add --json, or leave out --outcome (a table says on stderr whether it was created)',
    });
  }
}

/** The line on stderr, then the API's object on stdout, or `{outcome, resource}` with --outcome (`jq -r .outcome`). */
export async function printCreated<T>(
  ctx: Context,
  what: string,
  result: CreateResult<T>,
  view: ResourceView<T>,
  outcome: boolean | undefined,
): Promise<void> {
  reportCreate(ctx, what, result);
  if (!outcome) return ctx.output.item(result.resource, view);
  await ctx.output.wrapped({ outcome: result.outcome }, result.resource, view);
}

/** One line on stderr saying what happened. */
export function reportCreate(ctx: Context, what: string, result: CreateResult): void {
  if (result.outcome === 'existed') {
    ctx.log.note(`${what} already exists with the same values; nothing was changed (--if-not-exists).`);
  } else if (result.recovered) {
    ctx.log.success(
      `Created ${what}. The first answer was lost and the retry met "already exists"; a read-back confirmed it is this one.`,
    );
  } else {
    ctx.log.success(`Created ${what}.`);
  }
}
