/**
 * `tango api [METHOD] <path>`: an authenticated request to any RaaS v2 path, like `gh api`. This
 * file only declares the command (its flags feed help and completions); the work is in request.ts,
 * loaded when the command runs, so other commands never load it.
 */
import { Argument, Command } from 'commander';
import { completeWith } from '../../completion/values.js';
import { action, examples } from '../action.js';
import { addYesOption } from '../confirm-write.js';
import { collect } from '../parse.js';
import { DOCUMENTED_PATHS, HTTP_METHODS } from './paths.js';

export interface ApiOptions {
  rawField?: string[];
  field?: string[];
  header?: string[];
  input?: string;
  include?: boolean;
  paginate?: boolean;
  slurp?: boolean;
  retryPost?: boolean;
  yes?: boolean;
}

/**
 * What completion offers for the path: each documented path up to its first placeholder
 * (`/customers/{customerIdentifier}/accounts` offers `/customers/`), since the identifier is the
 * user's to type, and braces are not plain words in every shell.
 */
const PATHS = [...new Set(DOCUMENTED_PATHS.map(({ path }) => path.replace(/\{.*$/, '')))];

export function apiCommand(): Command {
  const command = new Command('api')
    .description('send an authenticated request to any RaaS v2 path and print the answer')
    .addArgument(
      completeWith(new Argument('<method-or-path>', 'GET, POST, PUT, PATCH or DELETE; or the path, for a GET'), [
        ...HTTP_METHODS,
        ...PATHS,
      ]),
    )
    .addArgument(completeWith(new Argument('[path]', "the path below the profile's base URL, e.g. /catalogs"), PATHS))
    .option(
      '-f, --raw-field <key=value>',
      'a string field: in the JSON body, or the query of a GET (repeatable)',
      collect,
    )
    .option(
      '-F, --field <key=value>',
      'a typed field: numbers, true, false, null; @file (or @-) reads a file (repeatable)',
      collect,
    )
    .option(
      '-H, --header <name:value>',
      'an extra request header; Authorization cannot be replaced (repeatable)',
      collect,
    )
    .option('--input <file>', 'the JSON request body from a file, or - for stdin (fields then go in the query)')
    .option('-i, --include', 'print the status line and response headers on stderr')
    .option('--paginate', 'follow every page of a GET (cursors, or page numbers), printing items as ndjson')
    .option('--slurp', 'with --paginate: every item in one JSON array')
    .option('--retry-post', 'retry a POST on 429, 5xx and network errors: your promise that repeating it is safe');
  return addYesOption(command)
    .addHelpText(
      'after',
      `
Nested fields and lists as gh does: -f 'a[b]=c' sends {"a":{"b":"c"}}, -f 'a[]=x' -f 'a[]=y' a
list, -F 'a[]' an empty one, -f 'a[][k]=v' a list of objects. A GET sends its fields as query
parameters. Without a method the request is a GET: a write is always spelled out. Output is the
JSON as received (indented at a terminal, one line on a pipe) unless -o is given; --query applies
(to each item with --paginate, to the whole array with --slurp). An HTTP error prints its body on
stdout too and exits with the usual code. A POST is sent once unless --retry-post.
${examples(
  ['tango api /catalogs --query "brands[].brandName" -o text', "the brands in the platform's catalog"],
  ['tango api /orders/RA240101-1234-56', 'one order, by its reference order id'],
  [
    'tango api POST /creditCardDeposits -f customerIdentifier=acme-co -f accountIdentifier=acme-main -f creditCardToken=<token> -F amount=250',
    'fund an account from a registered card: a write that moves money, sent once',
  ],
  ['tango api PATCH /customers/acme-co/accounts/acme-main -f displayName="Acme Main"', 'rename an account'],
  ['tango api POST /customers --input customer.json', 'a body from a file'],
  ['tango api /accounts --paginate --slurp --query "length(@)"', 'count every account of the platform'],
)}`,
    )
    .action(
      action(async (ctx, methodOrPath: string, path: string | undefined, opts: ApiOptions) => {
        const { sendApiRequest } = await import('./request.js');
        await sendApiRequest(ctx, methodOrPath, path, opts);
      }),
    );
}
