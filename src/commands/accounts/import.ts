/**
 * `tango accounts import <customer> --file accounts.csv`: creates many accounts, safe to run again.
 * Reads and checks every row first (exit 2, nothing sent, on any problem); then creates the rows
 * that do not exist yet, a few at a time, with the retries of `accounts create`; then reports
 * every row. The engine (src/import) is loaded only when the command runs.
 */
import { Command, Option } from 'commander';
import type { TangoApi } from '../../api/tango.js';
import type { Context } from '../../context.js';
import { DEFAULT_CURRENCY } from '../../domain/rules.js';
import { CliError, ExitCode, type ExitCodeValue, UsageError } from '../../errors.js';
import type { ImportProblem, ImportReport, InputFormat, PlannedRow, RunResult } from '../../import/index.js';
import { action, examples, sendsMany } from '../action.js';
import { addYesOption, confirmWrite } from '../confirm-write.js';
import { exitCodesText } from '../help.js';
import { byRule, integerIn } from '../parse.js';

interface ImportOptions {
  file: string;
  format?: InputFormat;
  concurrency: number;
  report?: string;
  dryRun?: boolean;
  yes?: boolean;
}

const DEFAULT_CONCURRENCY = 4;

/** What the codes of the one table (src/errors.ts) mean for an import; test/unit/exit-codes.test.ts checks them. */
export const IMPORT_EXIT_CODES: ReadonlyArray<readonly [ExitCodeValue, string]> = [
  [ExitCode.ok, 'every row created, or already there with the same values'],
  [
    ExitCode.usage,
    'a problem in the file (all listed, by row and field); nothing was sent;\n' +
      'or the failed rows were all refused by the server as invalid (400)',
  ],
  [ExitCode.notFound, 'customer not found; nothing was created'],
  [ExitCode.auth, 'credentials refused; the rows after it were not attempted'],
  [ExitCode.conflict, 'some rows conflict: their account exists with other values'],
  [ExitCode.unavailable, 'some rows failed: rate-limited or unavailable after retries'],
  [ExitCode.network, 'some rows failed: network error or timeout'],
  [ExitCode.error, 'some rows failed otherwise, or for mixed reasons'],
  [ExitCode.interrupted, 'interrupted: rows in flight finished, the report was written; run again to resume'],
  [ExitCode.terminated, 'terminated by SIGTERM: as 130'],
];

export function accountsImportCommand(): Command {
  const command = new Command('import')
    .description('create many accounts under a customer from a CSV or JSON file, with a report; safe to run again')
    .argument('<customer>', 'the customer (group) identifier', byRule('customerIdentifier'))
    .requiredOption('-f, --file <path>', 'accounts.csv, accounts.json, or - for stdin')
    .addOption(
      new Option('--format <format>', 'input format, when neither the name nor the content tells').choices([
        'csv',
        'json',
      ]),
    )
    .option(
      '-c, --concurrency <n>',
      'rows sent at once, 1-16; the global --rate still caps requests per second',
      integerIn(1, 16),
      DEFAULT_CONCURRENCY,
    )
    .option('--report <file>', "write every row's outcome to this .json or .csv file (then stdout stays empty)")
    .option('--dry-run', 'check the file and print what would be created; send nothing');
  addYesOption(command)
    .addHelpText(
      'after',
      `
Columns (CSV header or JSON keys), by flag or API name; read-only columns of
\`accounts list\` (accountNumber, status, currentBalance, createdAt) are ignored:
  identifier | accountIdentifier    required, lowercase
  displayName                       required
  contactEmail                      required
  currency | currencyCode           optional, default ${DEFAULT_CURRENCY}
  fundingEmails | fundingNotification   optional; in CSV, addresses separated by ";"

What \`accounts list\` prints can be fed back as it is, -o json or -o csv (CSV has
every field, contactEmail and fundingNotification included).

Rows that already exist with the same values count as done, so after a failure or Ctrl-C
the same command finishes the job. Without --report, stdout gets the report in the -o
format (json: the whole report; ndjson/csv: one row each; table: conflicts and failures only).

${exitCodesText(IMPORT_EXIT_CODES)}${examples(
  ['tango accounts import acme --file accounts.csv --report result.json', 'import, keep a report'],
  ['tango accounts import acme --file accounts.csv --dry-run', 'check the file; send nothing'],
  ['tango -p prod accounts list acme -o json | tango -p sandbox accounts import acme -f -', 'copy to another platform'],
  [
    'tango --rate 1 accounts import acme -f big.json -c 2 -o ndjson > outcome.ndjson',
    'at the API limit, stream the outcome',
  ],
)}`,
    )
    .action(action(importAccounts));
  // Many requests ahead: V8 keeps memory flat for them (src/v8-tuning.ts).
  return sendsMany(command, (opts: ImportOptions) => !opts.dryRun);
}

async function importAccounts(ctx: Context, customer: string, opts: ImportOptions): Promise<void> {
  const engine = await import('../../import/index.js');
  if (opts.report) engine.reportFormatOf(opts.report);
  const rows = await readValidRows(ctx, opts);
  if (opts.dryRun) return showPlan(ctx, customer, rows, opts);
  const meta = {
    customer,
    file: opts.file === engine.STDIN ? 'stdin' : opts.file,
    startedAt: new Date(),
    interrupted: false,
  };
  if (rows.length)
    await confirmWrite(
      ctx,
      `import ${rows.length} ${rows.length === 1 ? 'account' : 'accounts'} into customer ${customer}`,
      opts.yes,
    );
  // Missing credentials fail here, before a report says anything is pending.
  const api = rows.length ? await ctx.apiFinishingInFlight() : undefined;
  if (opts.report) {
    // Written before the first request: a path that cannot be written fails now, not after the work.
    const pending = rows.map((row) => engine.notAttempted(row, 'pending: the import had not finished'));
    await writeEarly(ctx, opts.report, engine.buildReport({ ...meta, finishedAt: meta.startedAt }, pending));
  }
  if (!api) return;
  const run = await sendRows(ctx, api, customer, rows, opts.concurrency);
  const report = engine.buildReport({ ...meta, finishedAt: run.finishedAt, interrupted: run.interrupted }, run.results);
  ctx.log.info(engine.summaryLine(report));
  if (opts.report) await writeFinal(ctx, opts.report, report);
  else await printReport(ctx, report);
  const failure = engine.outcomeError(run, report, opts.report);
  if (failure) throw failure;
}

/** The rows sent, with progress on stderr while they go. */
async function sendRows(
  ctx: Context,
  api: TangoApi,
  customer: string,
  rows: PlannedRow[],
  concurrency: number,
): Promise<RunResult> {
  const { runImport, startProgress } = await import('../../import/index.js');
  const progress = startProgress({
    total: rows.length,
    // --verbose traces every request on stderr; a bar redrawn in place would garble them.
    line: ctx.settings.verbose ? undefined : ctx.statusLine,
    // Chatter: off a terminal only with TANGO_QUIET=0 (a log file), a JSON object when stderr is read as JSON.
    say: (line) => ctx.log.info(line),
  });
  try {
    return await runImport({
      api,
      customer,
      rows,
      concurrency,
      signal: ctx.signal,
      onResult: (result, sent) => progress.add(result, sent),
    });
  } finally {
    progress.stop();
  }
}

/** Every row read and checked; any problem ends the command here, before a single request. */
async function readValidRows(ctx: Context, opts: ImportOptions): Promise<PlannedRow[]> {
  const { readSource, validateRows, formatProblem, STDIN } = await import('../../import/index.js');
  const parsed = await readSource({
    file: opts.file,
    format: opts.format,
    readStdin: () => ctx.io.readStdin('--file -', 'tango accounts import acme --file - < accounts.csv'),
  });
  const { planned, problems } = validateRows(parsed.rows);
  const all = sortProblems([...parsed.problems, ...problems]);
  const name = opts.file === STDIN ? 'stdin' : opts.file;
  if (all.length) {
    throw new UsageError(`${name}: ${all.length} ${all.length === 1 ? 'problem' : 'problems'}; nothing was sent.`, {
      details: all.map(formatProblem),
      hint: 'fix the file and run again (--dry-run checks it without sending anything)',
    });
  }
  if (planned.length === 0) ctx.log.warn(`${name} has no rows; nothing to import.`, 'no_rows');
  return planned;
}

/** File-wide problems first, then by row, so the list reads top to bottom like the file. */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.row ?? 0) - (b.problem.row ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}

async function writeEarly(ctx: Context, path: string, report: ImportReport): Promise<void> {
  const { writeReport } = await import('../../import/index.js');
  try {
    await writeReport(path, report, ctx.output.csvRaw);
  } catch (error) {
    throw new UsageError((error as Error).message, { hint: 'nothing was sent; choose a path that can be written' });
  }
}

async function writeFinal(ctx: Context, path: string, report: ImportReport): Promise<void> {
  const { writeReport } = await import('../../import/index.js');
  try {
    await writeReport(path, report, ctx.output.csvRaw);
  } catch (error) {
    throw new CliError(ExitCode.error, (error as Error).message, {
      hint: 'the rows were sent as summarised above; run the same command again with another --report path to get it',
    });
  }
}

/** Without --report, the report goes to stdout: all of it as data, or as a table only conflicts and failures. */
async function printReport(ctx: Context, report: ImportReport): Promise<void> {
  const { reportText, reportView } = await import('../../import/index.js');
  switch (ctx.output.format) {
    case 'json':
      return ctx.output.text(await reportText(report, 'json'));
    case 'csv':
      return ctx.output.text(await reportText(report, 'csv', ctx.output.csvRaw));
    case 'ndjson':
      return ctx.output.lines(report.rows.map((row) => JSON.stringify(row)));
    case 'table': {
      // Rows not attempted are counted in the summary; listing hundreds of them would bury the few that failed.
      const needing = report.rows.filter((row) => ['conflict', 'failed', 'unknown'].includes(row.outcome));
      if (needing.length) await ctx.output.list(needing, reportView);
    }
  }
}

/** --dry-run: what would be sent, row by row, and nothing sent. */
async function showPlan(ctx: Context, customer: string, rows: PlannedRow[], opts: ImportOptions): Promise<void> {
  const { planView } = await import('../../import/plan.js');
  const plan = rows.map((row) => ({ row: row.row, line: row.line, ...row.body }));
  await ctx.output.list(plan, planView);
  ctx.log.note(
    `Dry run: ${rows.length} valid ${rows.length === 1 ? 'row' : 'rows'}; each would be created under customer ${customer} unless it already exists ` +
      `(POST /customers/${customer}/accounts), ${opts.concurrency} at a time. Nothing was sent.`,
  );
}
