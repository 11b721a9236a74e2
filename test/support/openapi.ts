/**
 * Validates answers against the schemas of the reference OpenAPI 3.1 extract, kept in `spec/`
 * inside the repository (see spec/SOURCE.md) so a fresh clone can run its tests.
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

function run(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message}`);
}
