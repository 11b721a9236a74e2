/** The API's 404, in the user's words: which customer, account or alert is not there. */
import { ApiError, CliError, ExitCode } from '../errors.js';
import { API_PATH } from '../hints.js';

/** A 404 in the user's words ("customer acme not found"), keeping the server's message and request id. */
export function notFound(what: string, error: ApiError): CliError {
  return new CliError(ExitCode.notFound, `${what} not found`, {
    details: error.message ? [`server: ${error.message}`] : [],
    requestId: error.requestId,
    cause: error,
  });
}

/** Whether an error is the API's answer with this status. */
export function isStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

/**
 * Whether the API said "this resource does not exist": a 404 in the API's error body, from a path
 * under /raas/v2. Any other 404 (a base URL without /raas/v2, a proxy's page, an unknown endpoint)
 * says nothing about the resource, so it must not be read as "free" or "not there yet".
 */
export function isMissingResource(error: unknown): error is ApiError {
  if (!isStatus(error, 404) || error.body === undefined) return false;
  if (!new URL(error.url).pathname.includes(`${API_PATH}/`)) return false;
  return !(error.i18nKey ?? '').toLowerCase().includes('path');
}

/** Runs `get`; the resource, or undefined when the API says it does not exist. */
export async function unlessMissing<T>(get: () => Promise<T>): Promise<T | undefined> {
  try {
    return await get();
  } catch (error) {
    if (isMissingResource(error)) return undefined;
    throw error;
  }
}

/**
 * Runs `send`; a 404 from it becomes "<what> not found" (exit 3). `what` may look at the error
 * (which request, which i18n key) and return undefined when this 404 is not about a missing thing.
 */
export async function orNotFound<T>(
  what: string | ((error: ApiError) => string | undefined),
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
    const missing = typeof what === 'string' ? what : what(error);
    throw missing === undefined ? error : notFound(missing, error);
  }
}

/**
 * A 404 under /customers/{c}/accounts/{a} (and an alert below it) can mean any path segment; the
 * i18n key says which when the server tells.
 */
export function missingOnPath(
  i18nKey: string | undefined,
  path: { customer: string; account: string; alert?: string },
): string {
  const key = (i18nKey ?? '').toLowerCase();
  if (key.includes('customer')) return `customer ${path.customer}`;
  if (key.includes('account')) return `account ${path.account}`;
  if (path.alert !== undefined && key.includes('alert')) return `alert ${path.alert} on account ${path.account}`;
  return path.alert === undefined
    ? `account ${path.account} under customer ${path.customer}`
    : `alert ${path.alert} on account ${path.account} under customer ${path.customer}`;
}
