/**
 * Validates answers against the API descriptions kept in `spec/` inside the repository (see
 * spec/SOURCE.md) so a fresh clone can run its tests: the OpenAPI 3.1 extract of today's API, the
 * official 2020 Swagger (for the 200 it lists for creates), and the OAuth token endpoint's spec.
 *
 * One adjustment, and why: the spec describes error bodies as `oneOf: [ErrorInfo, ErrorDTO]`, but
 * neither schema requires a property or forbids extra ones, so every body matching one matches
 * the other and `oneOf` (exactly one) can never pass. `anyOf` is what it means, so error unions
 * are read as anyOf; `errorInfoErrors` then checks the ErrorInfo shape strictly (all fields).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';

const SPEC_FILE = 'raas-v2-openapi-customers-accounts.json';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A file of the API descriptions in `spec/`. */
export function specPath(file: string): string {
  return join(repoRoot, 'spec', file);
}

import type { Json } from './emulator-client.js';

const spec: Json = JSON.parse(readFileSync(specPath(SPEC_FILE), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormatsPlugin as unknown as (ajv: Ajv2020) => void)(ajv);
const definitions = rewriteRefs(spec.components.schemas);
const cache = new Map<string, ValidateFunction>();

/** `#/components/schemas/X` becomes `#/$defs/X`, and error `oneOf`s become `anyOf` (see above). */
function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string') out[key] = inner.replace('#/components/schemas/', '#/$defs/');
    else if (key === 'oneOf' && isErrorUnion(inner)) out.anyOf = rewriteRefs(inner);
    else out[key] = rewriteRefs(inner);
  }
  return out;
}

function isErrorUnion(members: unknown): boolean {
  return (
    Array.isArray(members) &&
    members.every((member) => /\/(ErrorInfo|ErrorDTO)$/.test(String((member as Json)?.$ref ?? '')))
  );
}

function compile(key: string, schema: Json): ValidateFunction {
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile({ ...rewriteRefs(schema), $defs: definitions });
    cache.set(key, validate);
  }
  return validate;
}

/**
 * Schema errors of `body` as the answer of `method template` with `status` (template as in the
 * spec, e.g. `/customers/{customerIdentifier}`); an empty list when it conforms.
 */
export function responseErrors(method: string, template: string, status: number, body: unknown): string[] {
  const operation = spec.paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`the spec has no ${method} ${template}`);
  const response = operation.responses[String(status)];
  if (!response) return [`the spec lists no ${status} answer for ${method} ${template}`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) throw new Error(`the spec has no JSON schema for ${method} ${template} ${status}`);
  return run(compile(`${method} ${template} ${status}`, schema), body);
}

/** Errors of `body` against ErrorInfo with every one of its properties required. */
export function errorInfoErrors(body: unknown): string[] {
  const required = Object.keys(spec.components.schemas.ErrorInfo.properties);
  return run(compile('strict ErrorInfo', { allOf: [{ $ref: '#/components/schemas/ErrorInfo' }], required }), body);
}

/** Errors of `body` against a named component schema. */
export function componentErrors(name: string, body: unknown): string[] {
  return run(compile(`component ${name}`, { $ref: `#/components/schemas/${name}` }), body);
}

/** Every operation of the API spec, as `METHOD template`. */
export function specOperations(): string[] {
  return Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([template, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${template}`),
  );
}

// --- the official 2020 Swagger: what it lists beside today's spec --------------------------------

const swagger: Json = JSON.parse(readFileSync(specPath('raas-v2-swagger.json'), 'utf8'));
const swaggerDefinitions = rewriteDefinitions(swagger.definitions);

function rewriteDefinitions(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteDefinitions);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key === '$ref' ? String(inner).replace('#/definitions/', '#/$defs/') : rewriteDefinitions(inner);
  }
  return out;
}

/** Schema errors of `body` as the Swagger 2.0 file's `status` answer of `method path`. */
export function swaggerResponseErrors(method: string, path: string, status: number, body: unknown): string[] {
  const schema = swagger.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.schema;
  if (!schema) return [`the 2020 Swagger lists no ${status} answer with a body for ${method} ${path}`];
  const key = `swagger ${method} ${path} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile({ ...rewriteDefinitions(schema), $defs: swaggerDefinitions });
    cache.set(key, validate);
  }
  return run(validate, body);
}

// --- the OAuth token endpoint (tango-auth-openapi.json) -----------------------------------------

const authSpec: Json = JSON.parse(readFileSync(specPath('tango-auth-openapi.json'), 'utf8'));
const tokenOperation = authSpec.paths['/oauth/token'].post;
const FORM = 'application/x-www-form-urlencoded';

/** Errors of a token request's form fields against the spec's request body (types, enums, required). */
export function tokenRequestErrors(form: Record<string, string>): string[] {
  const schema = tokenOperation.requestBody.content[FORM].schema;
  return run(compile('token request', { ...schema, additionalProperties: false }), form);
}

/** The spec's request: every required field with the documented value where it has one. */
export function tokenRequestFields(): { required: string[]; enums: Record<string, string[]> } {
  const schema = tokenOperation.requestBody.content[FORM].schema;
  const enums: Record<string, string[]> = {};
  for (const [name, property] of Object.entries(schema.properties as Record<string, Json>)) {
    if (property.enum) enums[name] = property.enum;
  }
  return { required: schema.required, enums };
}

/**
 * Errors of a token endpoint answer against the spec: the status must be one it lists, with its
 * content type; a 200 is a JSON object carrying the example's keys with sensible types.
 */
export function tokenResponseErrors(status: number, contentType: string | null, body: string): string[] {
  const response = tokenOperation.responses[String(status)];
  if (!response) return [`the auth spec lists no ${status} answer`];
  const [type] = Object.keys(response.content);
  if (!contentType?.startsWith(type!)) return [`content type ${contentType}, the spec says ${type}`];
  if (status !== 200) return [];
  const example = response.content[type!].example as Record<string, unknown>;
  const typed = {
    type: 'object',
    required: Object.keys(example),
    properties: {
      access_token: { type: 'string', minLength: 1 },
      scope: { type: 'string' },
      expires_in: { type: 'integer', minimum: 1 },
      token_type: { const: example.token_type },
    },
  };
  try {
    return run(compile('token answer', typed), JSON.parse(body));
  } catch {
    return ['the 200 answer is not JSON'];
  }
}

function run(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message}`);
}
