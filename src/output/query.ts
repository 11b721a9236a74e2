/**
 * --query: a JMESPath expression applied to the JSON a command would print, before it is laid out.
 * Loaded only when --query is given (the output layer imports this module on demand), so other
 * runs never pay for the JMESPath parser.
 *
 * The implementation is @jmespath-community/jmespath (see README, "Choosing the JMESPath library").
 * Its errors say what was expected but not where; `locate` finds the position itself, so a typo
 * is reported with a caret under the character, before any request is sent.
 */
import {
  compile,
  getRegisteredFunctions,
  type JSONValue,
  TreeInterpreter,
  tokenize,
} from '@jmespath-community/jmespath';
import { QueryError } from '../errors.js';

export interface Query {
  readonly expression: string;
  apply(value: unknown): unknown;
}

/**
 * AWS-CLI users write string literals in backticks (`` [?status==`FROZEN`] ``), which the
 * community grammar only accepts as a legacy form; accept it, as the AWS CLI does.
 */
const OPTIONS = { enable_legacy_literals: true };

type Ast = ReturnType<typeof compile>;
type Token = ReturnType<typeof tokenize>[number];

/** Parses the expression once; a syntax error or an unknown function is a usage error with its position. */
export function compileQuery(expression: string): Query {
  let ast: Ast;
  try {
    ast = compile(expression, OPTIONS);
  } catch (error) {
    throw badQuery(expression, reason(error), locate(expression));
  }
  const unknown = unknownFunction(ast);
  if (unknown) throw badQuery(expression, `unknown function ${unknown}()`, functionPosition(expression, unknown));
  return {
    expression,
    apply(value) {
      try {
        // JSON.parse gave us the value, so it is JSON; `undefined` (nothing printed yet) queries as null.
        return TreeInterpreter.search(ast, (value ?? null) as JSONValue);
      } catch (error) {
        throw new QueryError(`--query ${JSON.stringify(expression)}: ${reason(error)}`, { expression });
      }
    },
  };
}

/**
 * The library's words, lower-cased to follow ours after a colon, without its "Syntax error: " or
 * "Syntax error, " (ours already says the JMESPath is invalid). Its "unexpected token: (EOF)" and
 * 'invalid token (EOF): ""' (the end token's type and its empty text) say the expression stops short.
 */
function reason(error: unknown): string {
  const why = messageOf(error)
    .replace(/^Syntax error[,:] /, '')
    .replace(/^(unexpected token: \(EOF\)|invalid token \(EOF\): "")$/, END_TOO_EARLY);
  return why.charAt(0).toLowerCase() + why.slice(1);
}

const END_TOO_EARLY = 'the expression ends too early';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function badQuery(expression: string, why: string, position: number): QueryError {
  return new QueryError(`--query: invalid JMESPath at position ${position + 1}: ${why}`, { expression, position });
}

/**
 * Where an expression stops being valid, as a 0-based character offset.
 * A lexer error (an unknown character, an unterminated literal) lies where the longest prefix that
 * still tokenizes ends. A parser error lies at the first token after which no continuation could
 * make the expression valid: every shorter prefix fails only for want of more input (EOF).
 */
export function locate(expression: string): number {
  let tokens: Token[];
  try {
    tokens = tokenize(expression, OPTIONS);
  } catch {
    let end = expression.length;
    while (!tokenizes(expression.slice(0, end))) end -= 1; // '' tokenizes: it stops at 0 at the latest
    return end;
  }
  for (const [index, token] of tokens.entries()) {
    const end = tokens[index + 1]?.start ?? expression.length;
    const verdict = prefixVerdict(expression.slice(0, end));
    if (verdict === 'dead') return token.start;
  }
  return expression.length;
}

function tokenizes(text: string): boolean {
  try {
    tokenize(text, OPTIONS);
    return true;
  } catch {
    return false;
  }
}

function prefixVerdict(prefix: string): 'valid' | 'incomplete' | 'dead' {
  try {
    compile(prefix, OPTIONS);
    return 'valid';
  } catch (error) {
    return /\bEOF\b/.test(messageOf(error)) ? 'incomplete' : 'dead';
  }
}

/** The first function the expression calls that JMESPath does not have (found at compile time, not after a request). */
function unknownFunction(ast: Ast): string | undefined {
  const known = new Set(getRegisteredFunctions());
  // A node's children are objects or arrays of them; Object.values walks both.
  const visit = (node: unknown): string | undefined => {
    if (typeof node !== 'object' || node === null) return undefined;
    const record = node as Record<string, unknown>;
    if (record.type === 'Literal') return undefined; // its value is JSON, not an expression
    if (record.type === 'Function' && typeof record.name === 'string' && !known.has(record.name)) return record.name;
    for (const child of Object.values(record)) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(ast);
}

function functionPosition(expression: string, name: string): number {
  const match = new RegExp(`\\b${name}\\s*\\(`).exec(expression);
  return match?.index ?? 0;
}
