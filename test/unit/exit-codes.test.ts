/**
 * One exit-code table (src/errors.ts). What a person reads about exit codes, in the README, in
 * `tango help exit-codes`, in `accounts import --help` and in docs/import.md, is generated from it
 * or checked against it here, so none can drift from what the program does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_EXIT_CODES } from '../../src/commands/accounts/import.js';
import { ExitCode, exitCodeTable } from '../../src/errors.js';
import { runInProcess } from '../support/in-process.js';
import { REPO_ROOT } from '../support/tango.js';

/** The rows of the first markdown table under `heading`, as [code, text]. */
function markdownTable(file: string, heading: string): Array<[number, string]> {
  const lines = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n');
  const start = lines.indexOf(heading);
  expect(start, `${file} has a "${heading}" section`).toBeGreaterThan(-1);
  const table: string[] = [];
  for (let i = lines.findIndex((line, n) => n > start && line.startsWith('|')); lines[i]?.startsWith('|'); i++) {
    table.push(lines[i] ?? '');
  }
  // Past the header row and its --- line.
  return table.slice(2).map((line) => {
    const [, code, text] = line.split('|').map((cell) => cell.trim());
    return [Number(code), text ?? ''];
  });
}

const CODES = exitCodeTable.map(([code]) => code);

describe('the exit-code table', () => {
  it('has every code the program uses, each once', () => {
    expect([...CODES].sort((a, b) => a - b)).toEqual([...new Set(Object.values(ExitCode))].sort((a, b) => a - b));
  });

  it("is the README's table, row for row", () => {
    expect(markdownTable('README.md', '## Exit codes')).toEqual(exitCodeTable.map(([code, text]) => [code, text]));
  });

  it('is what tango help exit-codes prints', async () => {
    const result = await runInProcess(['help', 'exit-codes'], { env: {} });

    const rows = result.stdout.split('\n').filter((line) => /^\s+\d+ {2}/.test(line));
    expect(rows.map((line) => line.trim().split(/ {2}/))).toEqual(
      exitCodeTable.map(([code, text]) => [String(code), text]),
    );
  });

  it('accounts import --help explains codes of the table only, each once (its wording: the help snapshot)', () => {
    const codes = IMPORT_EXIT_CODES.map(([code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => !CODES.includes(code))).toEqual([]);
  });

  it("docs/import.md's table has the same codes as accounts import --help, in the same order", () => {
    expect(markdownTable('docs/import.md', '## Exit codes').map(([code]) => code)).toEqual(
      IMPORT_EXIT_CODES.map(([code]) => code),
    );
  });
});
