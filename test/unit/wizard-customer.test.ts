import { describe, expect, it } from 'vitest';
import { ApiError, InterruptedError } from '../../src/errors.js';
import { askCustomer, filterChoices, SEARCH_THRESHOLD } from '../../src/wizard/customer-prompts.js';
import {
  choose,
  customer,
  enter,
  expectScreen,
  interrupt,
  memoryDirectory,
  refused,
  scriptedPrompter,
  session,
  type,
} from '../support/prompter.js';

describe('a new customer', () => {
  it('checks the display name as typed, then offers the identifier derived from it', async () => {
    const prompter = scriptedPrompter([
      choose('new'),
      refused('Zan', 'Must be 5-100 characters of letters', type('Zanzibar Health Group')),
      expectScreen('Customer identifier (zanzibar-health-group)', enter),
    ]);
    const directory = memoryDirectory();

    const plan = await askCustomer(session(prompter, directory));

    expect(plan).toEqual({
      customerIdentifier: 'zanzibar-health-group',
      displayName: 'Zanzibar Health Group',
      existing: false,
    });
    expect(directory.lookups).toEqual(['customer zanzibar-health-group']);
    expect(prompter.remaining()).toBe(0);
  });

  it('refuses emoji in a name with the shared rule', async () => {
    const prompter = scriptedPrompter([
      choose('new'),
      refused('Zanzibar 🎉 Group', 'remove the emoji at character 10', type('Zanzibar Group')),
      enter,
    ]);

    const plan = await askCustomer(session(prompter));

    expect(plan.displayName).toBe('Zanzibar Group');
  });

  it('refuses a malformed identifier with the rule in words', async () => {
    const prompter = scriptedPrompter([
      choose('new'),
      type('Zanzibar Health Group'),
      refused('zan zibar', "Must be 5-100 characters, each a letter, a digit or '-'", type('ZanzibarHG')),
    ]);

    const plan = await askCustomer(session(prompter));

    expect(plan.customerIdentifier).toBe('ZanzibarHG');
  });

  it('catches an identifier that already exists before the review, naming the existing customer', async () => {
    const directory = memoryDirectory([customer('zanzibar-health-group', 'Zanzibar Health Group (old)')]);
    const prompter = scriptedPrompter([
      choose('new'),
      type('Zanzibar Health Group'),
      async (prompt, asked) => {
        prompt.events.keypress('enter'); // the suggestion, which is taken
        await expectScreen(
          'Customer "zanzibar-health-group" already exists ("Zanzibar Health Group (old)")',
          type('zanzibar-2'),
        )(prompt, asked);
      },
    ]);

    const plan = await askCustomer(session(prompter, directory));

    expect(plan.customerIdentifier).toBe('zanzibar-2');
    expect(directory.lookups).toEqual(['customer zanzibar-health-group', 'customer zanzibar-2']);
  });

  it('a lookup that fails for another reason than 404 ends the wizard with that error', async () => {
    const unauthorized = new ApiError({
      status: 401,
      method: 'GET',
      url: '/customers/x',
      body: { message: 'Unauthorized' },
    });
    const directory = { ...memoryDirectory(), findCustomer: () => Promise.reject(unauthorized) };
    const prompter = scriptedPrompter([choose('new'), type('Zanzibar Health Group'), enter]);

    await expect(askCustomer(session(prompter, directory))).rejects.toBe(unauthorized);
  });

  it('an edit keeps a hand-typed identifier when only the name changes', async () => {
    const prompter = scriptedPrompter([
      choose('new'),
      expectScreen('(Zanzibar Health Group)', type('Zanzibar Health Group Ltd')),
      expectScreen('(ZHG-main)', enter),
    ]);
    const current = { customerIdentifier: 'ZHG-main', displayName: 'Zanzibar Health Group', existing: false };

    const plan = await askCustomer(session(prompter), current);

    expect(plan).toEqual({ customerIdentifier: 'ZHG-main', displayName: 'Zanzibar Health Group Ltd', existing: false });
  });

  it('Ctrl-C at a question is an interruption', async () => {
    const prompter = scriptedPrompter([choose('new'), interrupt]);

    await expect(askCustomer(session(prompter))).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe('an existing customer', () => {
  it('is chosen from a select when the list is short', async () => {
    const directory = memoryDirectory([customer('acme-one', 'Acme One'), customer('acme-two', 'Acme Two')]);
    const prompter = scriptedPrompter([choose('existing'), expectScreen('Acme Two (acme-two)', choose('acme-two'))]);

    const plan = await askCustomer(session(prompter, directory));

    expect(plan).toEqual({ customerIdentifier: 'acme-two', displayName: 'Acme Two', existing: true });
    expect(prompter.asked.map((a) => a.kind)).toEqual(['select', 'select']);
  });

  it('is searched for when the list is long', async () => {
    const many = Array.from({ length: SEARCH_THRESHOLD + 5 }, (_, i) => customer(`client-${i}`, `Client number ${i}`));
    many.push(customer('zanzibar-health', 'Zanzibar Health Group'));
    const prompter = scriptedPrompter([
      choose('existing'),
      async (prompt) => {
        prompt.events.type('zanz');
        await expectScreen('Zanzibar Health Group (zanzibar-health)', enter)(prompt, {} as never);
      },
    ]);

    const plan = await askCustomer(session(prompter, memoryDirectory(many)));

    expect(plan).toEqual({
      customerIdentifier: 'zanzibar-health',
      displayName: 'Zanzibar Health Group',
      existing: true,
    });
    expect(prompter.asked[1]).toMatchObject({ kind: 'search', message: expect.stringContaining('type to search') });
  });

  it('with no customers at all, says so and asks for a new one', async () => {
    const prompter = scriptedPrompter([choose('existing'), type('First Customer'), enter]);
    const wizard = session(prompter, memoryDirectory([]));

    const plan = await askCustomer(wizard);

    expect(plan).toMatchObject({ customerIdentifier: 'first-customer', existing: false });
    expect(wizard.said.join('\n')).toContain('no customers yet');
  });
});

describe('filterChoices', () => {
  const choices = [
    { name: 'Zanzibar Health Group (zhg)', value: 1 },
    { name: 'Acme Wellness (acme)', value: 2 },
  ];

  it('matches every word, in any case, anywhere in the name', () => {
    expect(filterChoices(choices, 'health ZHG').map((c) => c.value)).toEqual([1]);
    expect(filterChoices(choices, undefined).map((c) => c.value)).toEqual([1, 2]);
    expect(filterChoices(choices, 'nothing')).toEqual([]);
  });
});
