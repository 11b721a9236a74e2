/**
 * A Prompter that shows each question with inquirer's real prompts (through @inquirer/testing)
 * and answers it with the next step of a script: keys typed, screens checked. The wizard's steps
 * run unchanged, so a test sees the validation messages and defaults a person would see.
 */
import { input, password, search, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { vi } from 'vitest';
import type { Customer } from '../../src/domain/types.js';
import { type Choice, interruptible, type Prompter, yesNoAnswer, yesNoLine } from '../../src/output/prompter.js';
import type { Directory } from '../../src/wizard/directory.js';
import type { WizardSession } from '../../src/wizard/session.js';

type Rendered = Awaited<ReturnType<typeof render>>;

export interface Asked {
  kind: 'input' | 'select' | 'search' | 'confirm' | 'password';
  message: string;
  default?: unknown;
  choices?: Choice<unknown>[];
}

/** One answer: gets the prompt on screen and what was asked; presses keys. */
export type Step = (prompt: Rendered, asked: Asked) => Promise<void> | void;

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order. */
  asked: Asked[];
  /** Each question's last screen, after it was answered. */
  screens: string[];
  /** Steps not used yet: a test should end with none. */
  remaining(): number;
}

export function scriptedPrompter(steps: Step[]): ScriptedPrompter {
  const queue = [...steps];
  const asked: Asked[] = [];
  const screens: string[] = [];
  async function ask<T>(what: Asked, show: (signal: AbortSignal) => Promise<Rendered>): Promise<T> {
    asked.push(what);
    const step = queue.shift();
    if (!step) throw new Error(`The script has no answer for "${what.message}"`);
    const abandon = new AbortController();
    const prompt = await show(abandon.signal);
    try {
      await step(prompt, what);
    } catch (error) {
      // A failed check leaves the prompt open; close it, or it rejects after the test is over.
      prompt.answer.catch(() => {});
      abandon.abort();
      throw error;
    }
    const answer = (await interruptible(() => prompt.answer)) as T;
    screens.push(prompt.getScreen());
    return answer;
  }
  return {
    asked,
    screens,
    remaining: () => queue.length,
    input: (q) =>
      ask({ kind: 'input', message: q.message, default: q.default }, (signal) => render(input, q, { signal })),
    select: (q) =>
      ask({ kind: 'select', message: q.message, default: q.default, choices: q.choices }, (signal) =>
        render(select, q, { signal }),
      ),
    search: (q) => ask({ kind: 'search', message: q.message }, (signal) => render(search, q, { signal })),
    // Answered as tango's own Prompter asks it: a line of y or n, anything else refused.
    confirm: async (q) =>
      yesNoAnswer(
        await ask<string>({ kind: 'confirm', message: q.message, default: q.default }, (signal) =>
          render(input, yesNoLine(q), { signal }),
        ),
        q,
      ),
    password: (q) =>
      ask({ kind: 'password', message: q.message }, (signal) => render(password, { ...q, mask: '*' }, { signal })),
  };
}

/** The screen with its line wrapping undone, so a message reads as one line whatever its length. */
export function screenText(prompt: Rendered): string {
  return prompt.getScreen().replace(/\s+/g, ' ');
}

/** Waits until the prompt's screen contains `text` (validation may be async). */
export async function screenShows(prompt: Rendered, text: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!screenText(prompt).includes(text)) throw new Error(`screen lacks "${text}":\n${prompt.getScreen()}`);
    },
    { timeout: 2000, interval: 5 },
  );
}

// Steps -------------------------------------------------------------------------------------

/** Types `text` and presses Enter. */
export const type =
  (text: string): Step =>
  (prompt) => {
    prompt.events.type(text);
    prompt.events.keypress('enter');
  };

/** Presses Enter: takes the default (or, for a select, the highlighted choice). */
export const enter: Step = (prompt) => prompt.events.keypress('enter');

/** Answers a confirm. */
export const yes = type('y');
export const no = type('n');

/** Moves a select from its default to the choice with this value, and takes it. */
export const choose =
  (value: unknown): Step =>
  (prompt, asked) => {
    const values = (asked.choices ?? []).map((c) => c.value);
    const target = values.indexOf(value);
    if (target < 0) throw new Error(`"${asked.message}" has no choice ${String(value)}: ${values.join(', ')}`);
    const start = Math.max(0, asked.default === undefined ? 0 : values.indexOf(asked.default));
    for (let i = start; i < target; i++) prompt.events.keypress('down');
    for (let i = start; i > target; i--) prompt.events.keypress('up');
    prompt.events.keypress('enter');
  };

/** Types a value that must be refused with `message`, clears it, then runs `then`. */
export const refused =
  (text: string, message: string, then: Step): Step =>
  async (prompt, asked) => {
    prompt.events.type(text);
    prompt.events.keypress('enter');
    await screenShows(prompt, message);
    for (const _ of text) prompt.events.keypress('backspace');
    await then(prompt, asked);
  };

/** Checks the screen before answering. */
export const expectScreen =
  (text: string, then: Step): Step =>
  async (prompt, asked) => {
    await screenShows(prompt, text);
    await then(prompt, asked);
  };

/** Ctrl-C, as inquirer sees it. */
export const interrupt: Step = (prompt) => prompt.events.keypress({ name: 'c', ctrl: true });

// A directory in memory ----------------------------------------------------------------------

export function memoryDirectory(
  customers: Customer[] = [],
  accounts: string[] = [],
): Directory & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    listCustomers: async () => customers,
    findCustomer: async (id) => {
      lookups.push(`customer ${id}`);
      return customers.find((c) => c.customerIdentifier === id);
    },
    findAccount: async (id) => {
      lookups.push(`account ${id}`);
      return accounts.includes(id) ? ({ accountIdentifier: id } as never) : undefined;
    },
  };
}

export function customer(identifier: string, displayName: string): Customer {
  return {
    customerIdentifier: identifier,
    displayName,
    status: 'ACTIVE',
    createdAt: '2025-01-01T00:00:00Z',
    accounts: [],
  };
}

export function session(
  prompter: Prompter,
  directory: Directory = memoryDirectory(),
): WizardSession & { said: string[] } {
  const said: string[] = [];
  return { prompter, directory, say: (line) => said.push(line), said };
}
