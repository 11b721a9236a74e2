/**
 * --no-color reaches the prompts too: inquirer picks its colours from the environment when it
 * loads (here FORCE_COLOR=1, set before it is imported), and only a theme can overrule that.
 */
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.stubEnv('FORCE_COLOR', '1');
afterAll(() => {
  vi.unstubAllEnvs();
});
const { inquirerPrompter } = await import('../../src/output/prompter.js');

const SGR = /\u001b\[[0-9;]*m/;

async function askName(color: boolean): Promise<{ answer: string; screen: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const prompter = await inquirerPrompter({ input, output, color });
  const asked = prompter.input({ message: 'Platform name', default: 'acme' });
  input.write('\n');
  return { answer: await asked, screen };
}

describe('prompt colours', () => {
  it('with colour on, inquirer colours the prompt (FORCE_COLOR)', async () => {
    const { answer, screen } = await askName(true);

    expect(answer).toBe('acme');
    expect(screen).toMatch(SGR);
  });

  it('with colour off (--no-color), the same prompt has no colour codes', async () => {
    const { answer, screen } = await askName(false);

    expect(answer).toBe('acme');
    expect(screen).toContain('Platform name');
    expect(screen).not.toMatch(SGR);
  });
});
