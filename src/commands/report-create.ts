/** The line on stderr after a create: created, created after a lost answer, or already there. */
import type { Context } from '../context.js';

export type CreateResult = { outcome: 'created'; recovered: boolean } | { outcome: 'existed' };

/** One line on stderr saying what happened; stdout gets the resource itself. */
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
