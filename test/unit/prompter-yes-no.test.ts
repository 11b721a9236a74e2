/**
 * Yes/no questions through tango's own Prompter (inquirer on fake streams): a line of y, yes, n or
 * no, or Enter for the default. A "y" with more typed after it is refused and kept on the line,
 * never read as a yes that swallows what was meant for the next question.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { inquirerPrompter, interruptible, yesNoAnswer, yesNoLine } from '../../src/output/prompter.js';

async function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const prompter = await inquirerPrompter({ input, output, color: false });
  // Long enough that only a real hang fails on a loaded machine, short enough to fail with the screen
  // shown before the test's own 30 s timeout.
  const shows = (text: string) =>
    vi.waitFor(
      () => {
        if (!screen.includes(text)) throw new Error(`screen lacks "${text}": ${JSON.stringify(screen)}`);
      },
      { timeout: 20_000, interval: 5 },
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

// Surviving mutants of prompter.ts (`npm run mutation`): what an answered question leaves on screen,
// how a hidden key shows, how a yes/no line reads and ends, and which errors mean the user stopped.

/** Erases a line of the terminal (inquirer's eraseLines). */
const ERASE_LINE = '\u001b[2K';

describe('an answered question', () => {
  // `clearPromptOnDone: false` made true: the answered question was erased from the screen.
  it('stays on the screen, with its answer', async () => {
    const tty = await terminal();
    const name = tty.prompter.input({ message: 'Display name' });
    await tty.shows('? Display name');
    tty.type('Acme\r');
    expect(await name).toBe('Acme');
    const screen = tty.screen();
    const answered = screen.lastIndexOf('✔ Display name Acme');
    expect(answered).toBeGreaterThan(-1);
    expect(screen.slice(answered)).not.toContain(ERASE_LINE);
  });
});

describe('a hidden key', () => {
  // mask '*' emptied: the key typed showed nothing, only "[input is masked]".
  it('shows a star for each character typed', async () => {
    const tty = await terminal();
    const key = tty.prompter.password({ message: 'Platform key' });
    await tty.shows('? Platform key');
    tty.type('s3cr');
    await tty.shows('? Platform key ****');
    tty.type('\r');
    expect(await key).toBe('s3cr');
    expect(tty.screen()).not.toContain('s3cr');
  });
});

describe('a yes/no line', () => {
  // `question.default !== false` made false, or 'Y/n' emptied: a question that defaults to yes says so.
  it.each([
    [undefined, 'Go on? (Y/n)', 'Enter alone: yes'],
    [true, 'Go on? (Y/n)', 'Enter alone: yes'],
    [false, 'Go on? (y/N)', 'Enter alone: no'],
  ])('with default %s reads %j and refuses other answers saying %j', (fallback, message, enter) => {
    const line = yesNoLine({ message: 'Go on?', default: fallback });
    expect(line.message).toBe(message);
    expect(line.validate('maybe')).toBe(`Answer y or n, then Enter (${enter})`);
  });

  // 'Yes' or 'No' emptied: an answered question shows the answer in words, and the line as typed before.
  it.each([
    ['y', true, 'Yes'],
    ['', undefined, 'Yes'],
    ['n', false, 'No'],
    ['', false, 'No'],
  ])('%j answered with default %s shows %s', (typed, fallback, shown) => {
    const line = yesNoLine({ message: 'Go on?', default: fallback });
    expect(line.transformer(typed, { isFinal: true })).toBe(shown);
    expect(line.transformer(typed, { isFinal: false })).toBe(typed);
  });
});

describe('which errors mean the user stopped', () => {
  const named = (name: string) => Object.assign(new Error('prompt ended'), { name });

  // `error.name === 'AbortPromptError'` made false, `!==`, or its name emptied.
  it.each(['ExitPromptError', 'AbortPromptError'])('%s (Ctrl-C or the signal) is an interruption', async (name) => {
    await expect(interruptible(() => Promise.reject(named(name)))).rejects.toMatchObject({
      name: 'InterruptedError',
      message: 'Interrupted.',
    });
  });

  // The whole condition made true, or `=== 'ExitPromptError'` made true: any other failure is itself.
  it.each([new Error('disk full'), named('TypeError'), 'a thrown string'])(
    '%s is passed on as it is',
    async (thrown) => {
      await expect(interruptible(() => Promise.reject(thrown))).rejects.toBe(thrown);
    },
  );
});
