/**
 * A plan as a person reads it (`tango diff`, and `tango apply` before it asks): one line per
 * resource with its sign, then one line per field; a summary last. Coloured where the caller's
 * paint says so, plain on a pipe; `--json` gets `planDocument` instead.
 */
import type { Paint } from '../output/color.js';
import { escapeControls } from '../output/controls.js';
import { type Action, type Change, resourceLabel, type Summary, summarize } from './plan.js';

const SIGNS: Record<Action, string> = { create: '+', update: '~', delete: '-', unchanged: '=', conflict: '!' };

export function planLines(changes: readonly Change[], paint: Paint): string[] {
  const colour: Record<Action, (text: string) => string> = {
    create: paint.green,
    update: paint.yellow,
    delete: paint.red,
    unchanged: paint.dim,
    conflict: paint.magenta,
  };
  const lines = changes.flatMap((change) => {
    const paintIt = colour[change.action];
    const owner = change.resource === 'account' ? ` (customer ${change.customer})` : '';
    const reason = change.reason ? `: ${change.reason}` : '';
    // Names may be the server's text: never raw control characters on a terminal.
    const head = paintIt(escapeControls(`${SIGNS[change.action]} ${resourceLabel(change)}${owner}${reason}`));
    return [head, ...change.fields.map((field) => paintIt(`    ${fieldLine(change.action, field)}`))];
  });
  return [...lines, summaryLine(summarize(changes))];
}

function fieldLine(action: Action, field: Change['fields'][number]): string {
  if (action === 'create') return `${field.field}: ${show(field.to)}`;
  return `${field.field}: ${show(field.from)} → ${show(field.to)}`;
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : escapeControls(JSON.stringify(value));
}

/** "Plan: 2 to create, 1 to change, 0 to delete, 12 unchanged, 1 conflict." */
export function summaryLine(summary: Summary): string {
  const conflicts = `${summary.conflict} conflict${summary.conflict === 1 ? '' : 's'}`;
  return `Plan: ${summary.create} to create, ${summary.update} to change, ${summary.delete} to delete, ${summary.unchanged} unchanged, ${conflicts}.`;
}

/** The plan for machines (`--json`): every change without its request, and the counts. */
export function planDocument(changes: readonly Change[]): {
  changes: Array<Omit<Change, 'operation'>>;
  summary: Summary;
} {
  return {
    changes: changes.map(({ operation: _operation, ...change }) => change),
    summary: summarize(changes),
  };
}
