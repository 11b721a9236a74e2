/**
 * Identifiers the shells offer at TAB time, remembered from what list/get/create commands saw.
 * A completion never calls the API, so this file is all it knows; the scripts read it with awk.
 *
 * Format: `<configDir>/completion-cache.tsv`, one `kind<TAB>profile<TAB>identifier` per line, newest
 * first. Per profile, because a production profile's customers are not the sandbox's. Plain text
 * rather than JSON so that a shell needs nothing but awk to read it.
 *
 * Writing is best-effort: a cache that cannot be written must never fail the command that fed it.
 * Only identifiers that pass their rule (src/domain/rules.ts) are stored: a server may send anything,
 * and what is stored here is offered to a shell, so nothing but a valid identifier may come back out.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configDir } from '../config/paths.js';
import type { Context } from '../context.js';
import { type RuleName, rules } from '../domain/rules.js';

export const COMPLETION_CACHE_FILE = 'completion-cache.tsv';

/** The kinds the scripts ask for; the first column of the file. */
export type CachedKind = 'customer' | 'account' | 'alert';

/** The rule an identifier of each kind passes before it is stored. */
const RULE_OF: Record<CachedKind, RuleName> = {
  customer: 'customerIdentifier',
  account: 'accountIdentifier',
  alert: 'balanceAlertID',
};

/** Oldest entries beyond this many per kind and profile are dropped, so the file stays small. */
export const MAX_REMEMBERED = 500;

export interface CacheScope {
  env: NodeJS.ProcessEnv;
  profile: string;
}

/** The scope of a running command: the profile it used, the config folder its environment names. */
export function cacheScope(ctx: Pick<Context, 'env' | 'settings'>): CacheScope {
  return { env: ctx.env, profile: ctx.settings.profile.value };
}

interface Entry {
  kind: string;
  profile: string;
  id: string;
}

export function completionCacheFile(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), COMPLETION_CACHE_FILE);
}

/**
 * The identifiers each printed resource carries, by its view's name (src/output/columns.ts): an
 * alert names its account and customer too, so `alerts list` teaches all three.
 */
const IDENTIFIERS_OF: Record<string, ReadonlyArray<readonly [CachedKind, string]>> = {
  customer: [['customer', 'customerIdentifier']],
  account: [['account', 'accountIdentifier']],
  alert: [
    ['alert', 'balanceAlertID'],
    ['account', 'accountIdentifier'],
    ['customer', 'customerIdentifier'],
  ],
};

/** The identifiers a printed resource says are gone: TAB must not offer an alert that was deleted. */
const REMOVED_BY: Record<string, ReadonlyArray<readonly [CachedKind, string]>> = {
  'deleted alert': [['alert', 'balanceAlertID']],
};

/** What a command printed, by kind, newest last; at most MAX_REMEMBERED of each (all the cache keeps). */
export class ShownIdentifiers {
  readonly #byKind = new Map<CachedKind, string[]>();
  readonly #removed: Array<{ kind: CachedKind; id: string }> = [];

  /** Output's onRows: the rows of one printed resource kind. */
  add(resource: string, rows: readonly object[]): void {
    for (const [kind, field] of IDENTIFIERS_OF[resource] ?? []) {
      const ids = this.#byKind.get(kind) ?? [];
      for (const row of rows) ids.push(String((row as Record<string, unknown>)[field] ?? ''));
      if (ids.length > MAX_REMEMBERED) ids.splice(0, ids.length - MAX_REMEMBERED);
      this.#byKind.set(kind, ids);
    }
    for (const [kind, field] of REMOVED_BY[resource] ?? []) {
      for (const row of rows) this.#removed.push({ kind, id: String((row as Record<string, unknown>)[field] ?? '') });
    }
  }

  /** Writes them all to the cache, and drops what was deleted. Never throws. */
  remember(scope: CacheScope): void {
    for (const [kind, ids] of this.#byKind) remember(scope, kind, ids);
    if (this.#removed.length) forget(scope, this.#removed);
  }

  get empty(): boolean {
    return this.#byKind.size === 0 && this.#removed.length === 0;
  }
}

/** Remembers customer identifiers for `customers get <TAB>` and friends. Never throws. */
export function rememberCustomers(scope: CacheScope, ids: readonly string[]): void {
  remember(scope, 'customer', ids);
}

/** Puts `ids` first for this kind and profile, keeps the others, writes the file atomically. Never throws. */
export function remember(scope: CacheScope, kind: CachedKind, ids: readonly string[]): void {
  try {
    const fresh = [...new Set(ids)]
      .filter((id) => validIdentifier(kind, id))
      .map((id) => ({ kind, profile: scope.profile, id }));
    if (fresh.length === 0 || !storable(scope.profile)) return;
    const file = completionCacheFile(scope.env);
    const next = merge(readEntries(file), fresh);
    writeAtomically(file, serialize(next));
  } catch {
    // Best-effort: completions are a convenience, the command's own result is what matters.
  }
}

/** Drops these identifiers of this profile (a deleted alert); the file is left alone when none is there. Never throws. */
export function forget(scope: CacheScope, gone: ReadonlyArray<{ kind: CachedKind; id: string }>): void {
  try {
    const file = completionCacheFile(scope.env);
    const old = readEntries(file);
    const isGone = (e: Entry) => e.profile === scope.profile && gone.some((g) => g.kind === e.kind && g.id === e.id);
    if (!old.some(isGone)) return;
    writeAtomically(file, serialize(old.filter((e) => !isGone(e))));
  } catch {
    // Best-effort, as remember(): a stale suggestion at TAB is the worst that can happen.
  }
}

function serialize(entries: readonly Entry[]): string {
  return entries.map((e) => `${e.kind}\t${e.profile}\t${e.id}\n`).join('');
}

/** What the shells read, for tests and tools: newest first. */
export function remembered(env: NodeJS.ProcessEnv, kind: CachedKind, profile: string): string[] {
  return readEntries(completionCacheFile(env))
    .filter((e) => e.kind === kind && e.profile === profile)
    .map((e) => e.id);
}

/** Fresh entries first; the old ones after, minus duplicates; at most MAX_REMEMBERED per kind and profile. */
function merge(old: Entry[], fresh: Entry[]): Entry[] {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  const kept: Entry[] = [];
  for (const entry of [...fresh, ...old]) {
    const key = `${entry.kind}\t${entry.profile}\t${entry.id}`;
    const group = `${entry.kind}\t${entry.profile}`;
    const count = counts.get(group) ?? 0;
    if (seen.has(key) || count >= MAX_REMEMBERED) continue;
    seen.add(key);
    counts.set(group, count + 1);
    kept.push(entry);
  }
  return kept;
}

function readEntries(file: string): Entry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((fields): fields is [string, string, string] => fields.length === 3)
    .map(([kind, profile, id]) => ({ kind, profile, id }));
}

function validIdentifier(kind: CachedKind, id: unknown): id is string {
  return typeof id === 'string' && rules[RULE_OF[kind]].test(id);
}

/** A tab or a line break in a profile name would break the file's one-line-per-entry format. */
function storable(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && !/[\t\r\n]/.test(value);
}

/** A reader (a shell at TAB time, another tango) sees the old file or the new one, never half of one. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
