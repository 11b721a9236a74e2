/**
 * Yes/no questions through tango's own Prompter (inquirer on fake streams): a line of y, yes, n or
 * no, or Enter for the default. A "y" with more typed after it is refused and kept on the line,
 * never read as a yes that swallows what was meant for the next question.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { inquirerPrompter, yesNoAnswer } from '../../src/output/prompter.js';

async function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const prompter = await inquirerPrompter({ input, output, color: false });
  const shows = (text: string) =>
    vi.waitFor(
      () => {
        if (!screen.includes(text)) throw new Error(`screen lacks "${text}": ${JSON.stringify(screen)}`);
      },
      { timeout: 2000, interval: 5 },
    );
  return { prompter, type: (keys: string) => input.write(keys), shows, screen: () => screen };
}

describe('a yes/no question', () => {
  it('refuses "y" run into the next answer, keeps the next question for it, and takes y on its own', async () => {
    const tty = await terminal();
    let settled = false;
    const alert = tty.prompter.confirm({ message: 'Add a low-balance alert?', default: false }).finally(() => {
      settled = true;
    });
    await tty.shows('Add a low-balance alert? (y/N)');

    tty.type('yBudget low\r');
    await tty.shows('Answer y or n, then Enter (Enter alone: no)');
    expect(settled).toBe(false);

    tty.type('\u0015y\r'); // Ctrl-U clears the line
    expect(await alert).toBe(true);
    const name = tty.prompter.input({ message: 'Alert name' });
    tty.type('Budget low\r');
    expect(await name).toBe('Budget low');
  });

  it.each([
    ['y', undefined, true],
    ['YES', false, true],
    ['n', undefined, false],
    ['No', true, false],
    ['', undefined, true],
    ['', false, false],
    ['  ', true, true],
  ])('"%s" with default %s is %s', (line, fallback, expected) => {
    expect(yesNoAnswer(line, { message: 'q', default: fallback })).toBe(expected);
  });
});

// prompter.ts's plain theme (the static pass's survivors: its marks and styles emptied or made
// undefined): without colour, a question still shows inquirer's marks, its default and its keys.
describe('questions without colour', () => {
  it('a question shows ? and its default, an answered one ✔ and the answer', async () => {
    const tty = await terminal();
    const name = tty.prompter.input({ message: 'Display name', default: 'Acme' });
    await tty.shows('? Display name (Acme)');
    tty.type('\r');
    expect(await name).toBe('Acme');
    await tty.shows('✔ Display name Acme');
  });

  it('a choice shows its keys, and a disabled choice marked', async () => {
    const tty = await terminal();
    const env = tty.prompter.select({
      message: 'Environment',
      choices: [
        { name: 'sandbox', value: 'sandbox' },
        { name: 'production', value: 'production', disabled: '(no credentials)' },
      ],
    });
    await tty.shows('↑↓ navigate • ⏎ select');
    await tty.shows('- production (no credentials)');
    tty.type('\r');
    expect(await env).toBe('sandbox');
  });
});
