import { describe, expect, it } from 'vitest';
import { buildObject, parseField, queryPairs } from '../../src/commands/api/fields.js';
import { UsageError } from '../../src/errors.js';

const files: Record<string, string> = { 'note.txt': 'from a file' };
const readFile = (name: string) => files[name] ?? '';

function body(raw: string[], typed: string[] = []): unknown {
  const fields = [...raw.map((f) => parseField(f, false)), ...typed.map((f) => parseField(f, true))];
  return buildObject(fields, readFile);
}

describe('tango api -f / -F fields', () => {
  it('-f is always a string; -F types numbers, true, false, null and reads @file', () => {
    expect(
      body(['a=1', 'b=true'], ['c=1', 'd=2.50', 'e=-3e2', 'f=true', 'g=false', 'h=null', 'i=@note.txt', 'j=1.2.3']),
    ).toEqual({
      a: '1',
      b: 'true',
      c: 1,
      d: 2.5,
      e: -300,
      f: true,
      g: false,
      h: null,
      i: 'from a file',
      j: '1.2.3',
    });
  });

  it('__proto__, constructor and toString are plain keys, never a way into Object.prototype', () => {
    const built = body(['__proto__[customerIdentifier]=evil-co', 'constructor[x]=1', 'toString=x']);
    expect(JSON.parse(JSON.stringify(built))).toEqual({
      ['__proto__']: { customerIdentifier: 'evil-co' },
      constructor: { x: '1' },
      toString: 'x',
    });
    expect(({} as Record<string, unknown>).customerIdentifier).toBeUndefined();
    expect(JSON.stringify(built)).toContain('"__proto__":{"customerIdentifier":"evil-co"}');
  });

  it('-F refuses a number JSON cannot carry instead of sending null', () => {
    expect(() => body([], ['n=1e999'])).toThrow(/too large for a JSON number/);
  });

  it('a value keeps every "=" and bracket after the first "="', () => {
    expect(body(['note=a=b[c]'])).toEqual({ note: 'a=b[c]' });
  });

  it('nests a[b][c]=v', () => {
    expect(body(['sender[firstName]=Ada', 'sender[email]=ada@example.com', 'recipient[name][first]=Bo'])).toEqual({
      sender: { firstName: 'Ada', email: 'ada@example.com' },
      recipient: { name: { first: 'Bo' } },
    });
  });

  it('a[]=x appends; a[] alone is an empty list', () => {
    expect(body(['tags[]=x', 'tags[]=y'], ['empty[]', 'numbers[]=1', 'numbers[]=2'])).toEqual({
      tags: ['x', 'y'],
      empty: [],
      numbers: [1, 2],
    });
  });

  it('a[][k]=v fills the last object until k repeats, then starts the next (as gh does)', () => {
    expect(
      body([
        'fundingNotification[][emailAddress]=a@example.com',
        'fundingNotification[][label]=first',
        'fundingNotification[][emailAddress]=b@example.com',
      ]),
    ).toEqual({
      fundingNotification: [{ emailAddress: 'a@example.com', label: 'first' }, { emailAddress: 'b@example.com' }],
    });
  });

  it.each([
    [['a=1', 'a=2'], '"a" is set twice'],
    [['a=1', 'a[b]=2'], '"a" is already set to a value that is not an object'],
    [['a=1', 'a[]=2'], '"a" is already set to a value that is not a list'],
  ])('%j is a usage error: %s', (raw, message) => {
    expect(() => body(raw)).toThrow(message);
  });

  it.each(['=x', 'a[b=c', 'a]b=c', 'a[b]c=d', 'novalue', 'a[b]'])('%s is not a field', (argument) => {
    expect(() => parseField(argument, false)).toThrow(UsageError);
  });

  it('on a GET the fields are query parameters, keys as written, typed values as text', () => {
    const fields = [
      parseField('status=ACTIVE', false),
      parseField('currencyCode[]=USD', false),
      parseField('maxResults=5', true),
      parseField('empty[]', true),
    ];
    expect(queryPairs(fields, readFile)).toEqual([
      ['status', 'ACTIVE'],
      ['currencyCode[]', 'USD'],
      ['maxResults', '5'],
    ]);
  });
});
