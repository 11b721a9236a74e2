/**
 * Asks a real bash, zsh or fish what it would offer at TAB for some command lines, with a
 * completion script loaded the way a user installs it. One shell process per call, for all lines.
 *
 * - bash: sources the script, sets COMP_WORDS/COMP_CWORD as readline would (splitting at '=') and
 *   calls the completion function; the candidates are COMPREPLY.
 * - zsh: test/support/zsh-complete.zsh runs an interactive zsh on a pseudo-terminal, with the
 *   script's folder on $fpath and compinit, types each line and a TAB, and records compadd's matches.
 * - fish: sources the script and asks `complete --do-complete` (descriptions dropped).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './tango.js';
import { requireTool } from './tools.js';

export type ShellName = 'bash' | 'zsh' | 'fish';

const SEPARATOR = '@@line@@';

export interface CompleteOptions {
  /** The script to load; for zsh, a folder holding _tango (put on $fpath) or a file (sourced after compinit). */
  script: string;
  configDir: string;
  env?: Record<string, string>;
  /** Where the shell runs: file names complete from here. */
  cwd?: string;
}

/** The candidates for each line (the text up to the cursor), in the order the shell gave them. */
export async function completeLines(
  shell: ShellName,
  lines: string[],
  options: CompleteOptions,
): Promise<Map<string, string[]>> {
  requireTool(shell, 'the completion tests');
  const output = await run(shell, command(shell, lines, options.script), shellEnv(options), options.cwd);
  const chunks = output.split(`${SEPARATOR}\n`).slice(1);
  if (chunks.length !== lines.length) {
    throw new Error(`${shell} answered ${chunks.length} of ${lines.length} lines:\n${output}`);
  }
  return new Map(lines.map((line, i) => [line, candidatesOf(shell, chunks[i] ?? '')]));
}

function command(shell: ShellName, lines: string[], script: string): string[] {
  switch (shell) {
    case 'bash':
      return ['--norc', '--noprofile', '-c', bashProgram(lines), 'bash', script];
    case 'zsh':
      return ['-f', join(REPO_ROOT, 'test/support/zsh-complete.zsh'), script, ...lines];
    case 'fish':
      return [
        '--no-config',
        '-c',
        `source $argv[1]; for line in $argv[2..-1]; echo '${SEPARATOR}'; complete --do-complete=$line; end`,
        script,
        ...lines,
      ];
  }
}

function bashProgram(lines: string[]): string {
  const calls = lines.map((line) => {
    const words = bashWords(line);
    return [
      `echo '${SEPARATOR}'`,
      `COMP_WORDS=(${words.map(quote).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      `COMP_LINE=${quote(line)}`,
      `COMP_POINT=${line.length}`,
      'COMPREPLY=()',
      '_tango tango',
      `[[ \${#COMPREPLY[@]} -gt 0 ]] && printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join('; ');
  });
  return ['source "$1"', ...calls, 'exit 0'].join('\n');
}

/** How bash splits a line for completion: at blanks, and around '=' (it is in COMP_WORDBREAKS). */
export function bashWords(line: string): string[] {
  const words = line.split(/\s+/).flatMap((word) => word.split(/(=)/).filter((part) => part !== ''));
  if (/\s$/.test(line) || line === '') words.push('');
  return words;
}

function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function candidatesOf(shell: ShellName, chunk: string): string[] {
  const lines = chunk.split('\n').filter((line) => line !== '');
  return shell === 'fish' ? lines.map((line) => line.split('\t')[0] ?? '') : lines;
}

/** Nothing from the developer's own shell setup: no rc files, a HOME of the test's own. */
function shellEnv(options: CompleteOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: options.configDir,
    TERM: 'xterm',
    LANG: 'C.UTF-8',
    TANGO_CONFIG_DIR: options.configDir,
    ...options.env,
  };
}

function run(shell: ShellName, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(shell, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    // A completion that waits for a key would hang the suite; fail instead.
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // A script that prints errors at TAB time is broken even when it still offers something.
      if (code === 0 && stderr === '') resolve(stdout);
      else reject(new Error(`${shell} exited ${code ?? signal}:\n${stderr}\n${stdout}`));
    });
  });
}
