/**
 * Reads query parameters and checks each with the shared field rules. Every problem is collected
 * (named by its parameter) so one 400 lists them all. Conventions, the same on every endpoint:
 * - a parameter the endpoint does not know is an error (a typo should not silently widen a filter);
 * - an empty value (`status=`) counts as absent;
 * - a single-valued parameter given twice is an error;
 * - a list parameter may be repeated (`currencyCode=USD&currencyCode=EUR`), written with brackets
 *   (`currencyCode[]=USD`) or comma-separated (`currencyCode=USD,EUR`).
 */
import { check, type Problem, parseRfc3339, type RuleName } from '../domain/rules.js';
import { assertValid } from './problems.js';

export class QueryReader {
  private readonly problems: Problem[] = [];

  constructor(
    private readonly params: URLSearchParams,
    known: readonly string[],
  ) {
    for (const name of new Set(params.keys())) {
      if (!known.includes(name.replace(/\[\]$/, ''))) {
        this.problems.push({
          field: name,
          message: `is not a query parameter of this endpoint (known: ${known.join(', ')})`,
          invalidValue: params.get(name),
          constraint: known.join('|'),
          i18nKey: 'validation.query.unknown',
        });
      }
    }
  }

  /** Throws the 400 when any parameter was wrong. */
  done(): void {
    assertValid(this.problems);
  }

  report(problem: Problem): void {
    this.problems.push(problem);
  }

  /** A single-valued parameter, raw (`status[]=X` is read as `status=X`, not ignored). */
  one(name: string): string | undefined {
    const values = [...this.params.getAll(name), ...this.params.getAll(`${name}[]`)].filter((value) => value !== '');
    if (values.length > 1) {
      this.report({
        field: name,
        message: 'may be given only once',
        invalidValue: values,
        constraint: 'single value',
        i18nKey: 'validation.query.repeated',
      });
    }
    return values[0];
  }

  /** A list parameter, raw: repeated, bracketed or comma-separated. */
  many(name: string): string[] {
    return [...this.params.getAll(name), ...this.params.getAll(`${name}[]`)]
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
  }

  /** A single value checked with one of the shared rules. */
  rule(name: string, ruleName: RuleName): string | undefined {
    const value = this.one(name);
    if (value === undefined) return undefined;
    return this.checked(name, ruleName, value) ? value : undefined;
  }

  /** A list whose every item is checked with one of the shared rules; undefined when not given. */
  ruleList(name: string, ruleName: RuleName): string[] | undefined {
    const values = this.many(name);
    if (values.length === 0) return undefined;
    for (const [index, value] of values.entries()) {
      this.checked(values.length > 1 ? `${name}[${index}]` : name, ruleName, value);
    }
    return values;
  }

  number(name: string): number | undefined {
    const value = this.rule(name, 'balance');
    return value === undefined ? undefined : Number(value);
  }

  /**
   * A creation-date bound in epoch milliseconds (bounds are inclusive). The spec's `date-time`
   * format is RFC 3339, so a bare date or a time without an offset is a 400, as the API answers.
   */
  dateBound(name: string): number | undefined {
    const value = this.rule(name, 'dateTimeQuery');
    return value === undefined ? undefined : parseRfc3339(value)!.getTime();
  }

  /** A list parameter the spec marks `uniqueItems`: the same value twice is a 400 naming it. */
  uniqueList(name: string): string[] | undefined {
    const values = this.many(name);
    if (values.length === 0) return undefined;
    const repeated = values.filter((value, index) => values.indexOf(value) !== index);
    if (repeated.length > 0) {
      this.report({
        field: name,
        message: 'must not name the same value twice',
        invalidValue: values,
        constraint: 'uniqueItems',
        i18nKey: 'validation.query.uniqueItems',
      });
    }
    return values;
  }

  boolean(name: string): boolean | undefined {
    const value = this.one(name);
    if (value === undefined) return undefined;
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    this.report({
      field: name,
      message: 'must be true or false',
      invalidValue: value,
      constraint: 'true|false',
      i18nKey: 'validation.boolean',
    });
    return undefined;
  }

  /** Checks that a lower bound is not above its upper bound. */
  ordered(lowName: string, low: number | undefined, highName: string, high: number | undefined): void {
    if (low === undefined || high === undefined || low <= high) return;
    this.report({
      field: lowName,
      message: `must not be greater than ${highName}`,
      invalidValue: this.params.get(lowName),
      constraint: `${lowName} <= ${highName}`,
      i18nKey: 'validation.range.order',
    });
  }

  private checked(field: string, ruleName: RuleName, value: string): boolean {
    const problem = check(ruleName, value, field);
    if (problem) this.report(problem);
    return problem === undefined;
  }
}
