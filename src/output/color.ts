import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Whether a stream gets colour. --no-color and NO_COLOR always win; FORCE_COLOR turns colour on
 * for pipes (FORCE_COLOR=0 turns it off); otherwise colour only on a terminal that is not "dumb".
 */
export interface ColorInputs {
  flag: boolean | undefined;
  env: NodeJS.ProcessEnv;
  isTTY: boolean | undefined;
}

export function colorEnabled({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return Boolean(isTTY) && env.TERM !== 'dumb';
}

/** A chalk instance with colour on or off, decided once by colorEnabled() rather than by chalk's own sniffing. */
export type Paint = ChalkInstance;

export function createPaint(enabled: boolean): Paint {
  return new Chalk({ level: enabled ? 1 : 0 });
}
