/**
 * Error answers. Handlers throw an HttpProblem; the server turns it into the documented ErrorInfo
 * body `{timestamp, requestId, path, httpCode, httpPhrase, i18nKey, message, errors[]}`.
 */
import { STATUS_CODES } from 'node:http';
import type { Problem } from '../domain/rules.js';

/** One entry of `errors[]`: always all five keys, `invalidValue` null when the value was missing. */
export interface FieldErrorEntry {
  path: string;
  i18nKey: string;
  message: string;
  invalidValue: unknown;
  constraint: string;
}

export interface ErrorInfo {
  timestamp: string;
  requestId: string;
  path: string;
  httpCode: number;
  httpPhrase: string;
  i18nKey: string;
  message: string;
  errors: FieldErrorEntry[];
}

export class HttpProblem extends Error {
  readonly status: number;
  readonly i18nKey: string;
  readonly fieldErrors: FieldErrorEntry[];
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    i18nKey: string,
    message: string,
    extra: { fieldErrors?: FieldErrorEntry[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
    this.status = status;
    this.i18nKey = i18nKey;
    this.fieldErrors = extra.fieldErrors ?? [];
    this.headers = extra.headers ?? {};
  }
}

export function toFieldError(problem: Problem): FieldErrorEntry {
  return {
    path: problem.field,
    i18nKey: problem.i18nKey,
    message: problem.message,
    invalidValue: problem.invalidValue ?? null,
    constraint: problem.constraint,
  };
}

/** A 400 listing every bad field at once, so a client can fix them all in one go. */
export function validationProblem(problems: readonly Problem[]): HttpProblem {
  const fields = [...new Set(problems.map((problem) => problem.field))];
  const message =
    problems.length === 1
      ? `Invalid value for ${fields[0]}: ${problems[0]!.message}`
      : `Invalid values for ${fields.join(', ')}`;
  return new HttpProblem(400, 'error.validation', message, { fieldErrors: problems.map(toFieldError) });
}

/** Throws the 400 when there is anything to report. */
export function assertValid(problems: readonly Problem[]): void {
  if (problems.length > 0) throw validationProblem(problems);
}

export function notFound(i18nKey: string, message: string): HttpProblem {
  return new HttpProblem(404, i18nKey, message);
}

export function conflict(i18nKey: string, message: string): HttpProblem {
  return new HttpProblem(409, i18nKey, message);
}

export function errorInfo(problem: HttpProblem, requestId: string, path: string, now: Date): ErrorInfo {
  return {
    timestamp: now.toISOString(),
    requestId,
    path,
    httpCode: problem.status,
    httpPhrase: STATUS_CODES[problem.status] ?? 'Error',
    i18nKey: problem.i18nKey,
    message: problem.message,
    errors: problem.fieldErrors,
  };
}
