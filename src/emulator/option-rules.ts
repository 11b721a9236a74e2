/**
 * The rules of the emulator's numeric options, host and drop mode, in a module with no imports:
 * the `tango emulator start` flags check values with these while the CLI is still light, the
 * emulator checks its options and the control route's fault changes with the same ones.
 */

interface NumberRule {
  message: string;
  test(value: number): boolean;
}

const wholeNumber =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: number) =>
    Number.isInteger(value) && value >= min && value <= max;
const share = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;

export const NUMBER_OPTION_RULES = {
  port: { message: 'must be a whole number from 0 to 65535 (0 picks a free port)', test: wholeNumber(0, 65_535) },
  latencyMs: { message: 'must be a whole number of milliseconds from 0 to 600000', test: wholeNumber(0, 600_000) },
  failRate: { message: 'must be a number from 0 to 1 (the share of requests answered 503)', test: share },
  dropRate: { message: 'must be a number from 0 to 1 (the share of connections dropped)', test: share },
  rateLimit: {
    message: 'must be a number of requests per second, 0 (no limit) or more',
    test: (value) => Number.isFinite(value) && value >= 0,
  },
  seed: { message: 'must be a whole number of customers from 0 to 100000', test: wholeNumber(0, 100_000) },
  seedAccounts: {
    message: 'must be a whole number of accounts per customer from 0 to 1000000',
    test: wholeNumber(0, 1_000_000),
  },
  tokenTtlSeconds: { message: 'must be a whole number of seconds, 1 or more', test: wholeNumber(1) },
  randomSeed: { message: 'must be a whole number from 0 to 4294967295', test: wholeNumber(0, 2 ** 32 - 1) },
} satisfies Record<string, NumberRule>;

export type NumberOptionName = keyof typeof NUMBER_OPTION_RULES;

export const DROP_MODES = ['mixed', 'before', 'after'] as const;

/**
 * What a create answers. `documented`: 201 with the created fields only (CreateCustomerCriteria,
 * CreateAccountCriteria), as the docs and today's OpenAPI show. `full`: 200 with the whole
 * resource, which the official 2020 Swagger also lists. Scripts should work with both.
 */
export const CREATE_ANSWERS = ['documented', 'full'] as const;
export type CreateAnswer = (typeof CREATE_ANSWERS)[number];
export const CREATE_ANSWER_RULE = `must be one of ${CREATE_ANSWERS.join(', ')}`;
export type DropMode = (typeof DROP_MODES)[number];

export const HOST_RULE =
  'must be a loopback address (127.0.0.1, localhost or ::1): the emulator is for this machine only';
export const DROP_MODE_RULE = `must be one of ${DROP_MODES.join(', ')}`;

/** The message of the broken rule, or undefined when the value is fine. */
export function numberOptionProblem(name: NumberOptionName, value: unknown): string | undefined {
  const rule: NumberRule = NUMBER_OPTION_RULES[name];
  return typeof value === 'number' && rule.test(value) ? undefined : rule.message;
}
