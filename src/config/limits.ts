/**
 * The rule of each numeric setting, written once: the global flags (--timeout, --max-retries,
 * --rate) and `tango config set` check values through this table, so a value one accepts the other
 * accepts, and the error states the same range.
 */
export interface NumberRule {
  min: number;
  max: number;
  /** Whole numbers only. */
  whole?: boolean;
  /** Used when no flag and no profile gives a value; none means the setting is off. */
  default?: number;
  /** A value outside min..max that turns the setting off (--rate 0: no pacing). */
  off?: number;
}

export const NUMBER_SETTINGS = {
  /** Seconds per request. */
  timeout: { min: 1, max: 600, default: 30 },
  'max-retries': { min: 0, max: 10, whole: true, default: 4 },
  /** Requests per second; Tango allows about 1. The default depends on the server (config/settings.ts). */
  rate: { min: 0.01, max: 1000, off: 0 },
} as const satisfies Record<string, NumberRule>;

export type NumberSetting = keyof typeof NUMBER_SETTINGS;

/** The rule in words: "must be a whole number from 0 to 10". */
export function numberRule(name: NumberSetting): string {
  const rule: NumberRule = NUMBER_SETTINGS[name];
  const off = rule.off === undefined ? '' : `, or ${rule.off} for none`;
  return `must be a ${rule.whole ? 'whole ' : ''}number from ${rule.min} to ${rule.max}${off}`;
}

/** The value as a number, or undefined when it breaks the setting's rule. */
export function parseNumberSetting(name: NumberSetting, value: string): number | undefined {
  const rule: NumberRule = NUMBER_SETTINGS[name];
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return undefined;
  if (number === rule.off) return number;
  if (number < rule.min || number > rule.max || (rule.whole && !Number.isInteger(number))) return undefined;
  return number;
}
