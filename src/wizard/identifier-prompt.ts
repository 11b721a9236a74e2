/**
 * Asking for an identifier that must be well formed and also free. The shared rule checks it as
 * it is typed; on Enter a GET tells whether it is taken (404 means free), so a duplicate is
 * caught at the question rather than as a 409 after the review.
 */
import { promptCheck, type RuleName } from '../domain/rules.js';
import type { Prompter } from '../output/prompter.js';

export interface IdentifierQuestion<T> {
  message: string;
  default?: string;
  rule: Extract<RuleName, 'customerIdentifier' | 'accountIdentifier'>;
  /** A check of the plan itself (not already used in this onboarding): a message, or true. */
  local?: (value: string) => true | string;
  /** The resource holding this identifier, or undefined when it is free. */
  find: (value: string) => Promise<T | undefined>;
  taken: (value: string, found: T) => string;
}

export async function askFreeIdentifier<T>(prompter: Prompter, question: IdentifierQuestion<T>): Promise<string> {
  const byRule = promptCheck(question.rule);
  // A failing lookup (401, network) must end the wizard, not sit in the prompt as a message; the
  // prompt cannot carry a rejection out, so the error is kept and thrown once the prompt is done.
  let failure: { error: unknown } | undefined;
  const answer = await prompter.input({
    message: question.message,
    default: question.default,
    validate: async (value) => {
      const verdict = byRule(value);
      if (verdict !== true) return verdict;
      const local = question.local?.(value) ?? true;
      if (local !== true) return local;
      try {
        const found = await question.find(value);
        return found === undefined ? true : question.taken(value, found);
      } catch (error) {
        failure = { error };
        return true;
      }
    },
  });
  if (failure) throw failure.error;
  return answer;
}
