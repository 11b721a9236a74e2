/**
 * The kinds of question tango asks, as an interface. Every prompt (the wizard's steps, a value
 * missing from `create`, `auth login`'s hidden key) goes through the Context's Prompter rather
 * than importing @inquirer/prompts, so tests can answer them (with @inquirer/testing or a
 * script) and the code asking never knows the difference.
 */
import { InterruptedError } from '../errors.js';

export type Validate = (value: string) => true | string | Promise<true | string>;

export interface Choice<V> {
  name: string;
  value: V;
  description?: string;
  disabled?: boolean | string;
}

export interface InputQuestion {
  message: string;
  /** Shown in brackets; Enter accepts it, Tab puts it on the line for editing. */
  default?: string;
  validate?: Validate;
}

export interface SelectQuestion<V> {
  message: string;
  choices: Choice<V>[];
  default?: V;
}

export interface SearchQuestion<V> {
  message: string;
  source: (term: string | undefined) => Choice<V>[];
}

/** Typed without echo: the characters show as `*`. */
export interface PasswordQuestion {
  message: string;
  validate?: Validate;
}

export interface ConfirmQuestion {
  message: string;
  default?: boolean;
}

export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  select<V>(question: SelectQuestion<V>): Promise<V>;
  search<V>(question: SearchQuestion<V>): Promise<V>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  password(question: PasswordQuestion): Promise<string>;
}

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  /** stderr: stdout is for data, even in the wizard. */
  output: NodeJS.WritableStream;
  signal?: AbortSignal;
  /** False draws the prompts without colour (--no-color beats FORCE_COLOR here too). */
  color?: boolean;
}

const plain = (text: string) => text;

/**
 * Inquirer's look without its colours: the same marks and words, no escape codes. (Its `key`
 * style is left out: only the editor prompt, which tango never asks, draws with it.)
 */
const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  style: {
    answer: plain,
    message: plain,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: plain,
    highlight: plain,
    disabled: (text: string) => `- ${text}`,
    description: plain,
    searchTerm: plain,
    keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action}`).join(' • '),
  },
};

/** Inquirer's prompts on the given streams; Ctrl-C (or the signal) becomes an InterruptedError. */
export async function inquirerPrompter(streams: PromptStreams): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  const context = { input: streams.input, output: streams.output, signal: streams.signal, clearPromptOnDone: false };
  // Inquirer decides colour itself, from the environment; only a theme can overrule it.
  const look = streams.color === false ? { theme: PLAIN_THEME } : {};
  return {
    input: (q) => interruptible(() => prompts.input({ ...q, ...look }, context)),
    select: (q) => interruptible(() => prompts.select({ ...q, pageSize: 12, ...look }, context)),
    search: (q) => interruptible(() => prompts.search({ ...q, pageSize: 12, ...look }, context)),
    confirm: (q) =>
      interruptible(async () => yesNoAnswer(await prompts.input({ ...yesNoLine(q), ...look }, context), q)),
    password: (q) => interruptible(() => prompts.password({ ...q, mask: '*', ...look }, context)),
  };
}

const YES_NO = /^(?:y|yes|n|no)?$/i;

/**
 * A yes/no question asked as a line, answered by y, yes, n or no (any case) and Enter, or Enter
 * alone for the default. Inquirer's own confirm reads any line starting with "y" as yes: a "y"
 * typed without Enter swallowed the next answer typed after it ("yBudget low" was a yes, and the
 * alert name question then came up empty). Here such a line is refused, and stays to be fixed.
 */
export function yesNoLine(question: ConfirmQuestion) {
  const yes = question.default !== false;
  return {
    message: `${question.message} (${yes ? 'Y/n' : 'y/N'})`,
    validate: (value: string) =>
      YES_NO.test(value.trim()) ? true : `Answer y or n, then Enter (Enter alone: ${yes ? 'yes' : 'no'})`,
    transformer: (value: string, { isFinal }: { isFinal: boolean }) =>
      isFinal ? (yesNoAnswer(value, question) ? 'Yes' : 'No') : value,
  };
}

/** The answer a yesNoLine stands for; an empty line is the default (yes unless the default is false, as inquirer's). */
export function yesNoAnswer(line: string, question: ConfirmQuestion): boolean {
  const answer = line.trim().toLowerCase();
  return answer === '' ? question.default !== false : answer.startsWith('y');
}

/** Inquirer rejects with ExitPromptError on Ctrl-C and AbortPromptError when the signal fires. */
export async function interruptible<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new InterruptedError();
    }
    throw error;
  }
}
