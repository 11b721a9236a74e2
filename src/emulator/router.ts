/**
 * A route table and a matcher; nothing more is needed for a dozen routes. A route's template
 * (`/customers/{customerIdentifier}`) is also the name the stats count requests under.
 */
import { HttpProblem } from './problems.js';
import type { Store } from './store.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The raw request body (already read, at most the size limit). */
  rawBody: string;
  store: Store;
  now(): Date;
}

export type Handler = (context: RequestContext) => Promise<Reply>;

export interface Route {
  method: string;
  template: string;
  handler: Handler;
  /** API routes check credentials and suffer faults; the token and control routes differ. */
  kind: 'api' | 'token' | 'control';
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = splitPath(path);
  const candidates = routes
    .map((route) => ({ route, params: matchTemplate(route.template, segments) }))
    .filter((candidate): candidate is RouteMatch => candidate.params !== undefined);
  if (candidates.length === 0) {
    throw new HttpProblem(404, 'error.notFound.path', `No such endpoint: ${path}`);
  }
  const match = candidates.find((candidate) => candidate.route.method === method);
  if (match) return match;
  const allowed = candidates.map((candidate) => candidate.route.method).join(', ');
  throw new HttpProblem(405, 'error.methodNotAllowed', `${method} is not allowed on ${path}; use ${allowed}`, {
    headers: { allow: allowed },
  });
}

/** application/json, or a structured `+json` type, with any parameters (charset). */
function isJsonType(contentType: string): boolean {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = splitPath(template);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index]!;
    if (part.startsWith('{')) params[part.slice(1, -1)] = decodeSegment(segment);
    else if (part !== segment) return undefined;
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpProblem(400, 'error.badRequest.path', `The path segment ${segment} is not valid percent-encoding`);
  }
}

/**
 * Parses the body of a POST or PATCH: a JSON object sent as JSON. The spec's request bodies are
 * `application/json` only; a body under another type (or none) is refused with a 400, the status
 * these operations document for a request the server cannot read.
 */
export function jsonObjectBody(context: RequestContext): Record<string, unknown> {
  const type = String(context.headers['content-type'] ?? '');
  if (!isJsonType(type)) {
    throw new HttpProblem(
      400,
      'error.badRequest.contentType',
      `The request body must be sent as application/json; Content-Type was ${type ? `"${type}"` : 'missing'}`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(context.rawBody);
  } catch {
    throw new HttpProblem(400, 'error.badRequest.json', 'The request body must be a JSON object; it is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpProblem(400, 'error.badRequest.json', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
