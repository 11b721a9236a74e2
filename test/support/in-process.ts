/**
 * Runs a tango command in this process through the real entry (src/cli.ts `run`) and its
 * Context, with fake streams: what it printed on stdout and stderr, and its exit code. The
 * options stand in for the rest of the outside world: the environment, whether each stream is
 * a terminal, what is piped on stdin, a scripted Prompter and an HTTP dispatcher (MockAgent).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type Dispatcher, MockAgent } from 'undici';
import { afterEach, beforeEach } from 'vitest';
import { run } from '../../src/cli.js';
import type { Prompter } from '../../src/output/prompter.js';

export interface InProcessOptions {
  env?: Record<string, string | undefined>;
  /** Which streams are terminals; none by default, as under cron. */
  tty?: { stdin?: boolean; stdout?: boolean; stderr?: boolean };
  /** The terminals' width (default 100). */
  columns?: number;
  /** Piped on stdin, which then ends. */
  input?: string;
  prompter?: Prompter;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A writable that collects what is written, with the isTTY fact a test chooses. */
export function fakeOutput(isTTY: boolean, columns = 100): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  Object.assign(stream, { isTTY, columns });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

export function fakeInput(text: string | undefined, isTTY: boolean): NodeJS.ReadStream {
  const stream = new PassThrough();
  Object.assign(stream, { isTTY });
  if (!isTTY) stream.end(text ?? '');
  return stream as unknown as NodeJS.ReadStream;
}

export async function runInProcess(args: string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  const stdout = fakeOutput(Boolean(options.tty?.stdout), options.columns);
  const stderr = fakeOutput(Boolean(options.tty?.stderr), options.columns);
  const env = Object.fromEntries(
    Object.entries(options.env ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const code = await run(args, {
    env,
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: fakeInput(options.input, Boolean(options.tty?.stdin)),
    signal: options.signal ?? new AbortController().signal,
    prompter: options.prompter,
    dispatcher: options.dispatcher,
  });
  // PassThrough delivers 'data' on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** For each test, a fresh config folder and a MockAgent that refuses any request not intercepted. */
export function useOfflineWorld(): { configDir: () => string; agent: () => MockAgent } {
  let configDir: string | undefined;
  let agent: MockAgent | undefined;
  beforeEach(() => {
    configDir = mkdtempSync(join(tmpdir(), 'tango-in-process-'));
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    if (configDir) rmSync(configDir, { recursive: true, force: true });
    await agent?.close();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useOfflineWorld() values exist only inside a test');
    return value;
  };
  return { configDir: () => need(configDir), agent: () => need(agent) };
}
