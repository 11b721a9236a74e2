/** `tango emulator start` in-process: flags, the printed URL, the log, and stopping on a signal. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CommanderError } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { bindOutside } from '../../src/commands/action.js';
import { emulatorStartCommand } from '../../src/commands/emulator/start.js';
import type { ContextIO } from '../../src/context.js';
import { UsageError } from '../../src/errors.js';
import { IOStreams } from '../../src/output/iostreams.js';

interface Session {
  stdout: () => string;
  stderr: () => string;
  stop: () => void;
  done: Promise<void>;
}

function capture(stream: PassThrough): () => string {
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

/** Runs the command with its own streams and Ctrl-C signal, as src/start.ts would. */
function run(args: string[]): Session {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const interrupt = new AbortController();
  const outside: ContextIO = {
    env: {},
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    signal: interrupt.signal,
  };
  const command = emulatorStartCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  bindOutside(command, outside, new IOStreams(outside, outside.env));
  return {
    stdout: capture(stdout),
    stderr: capture(stderr),
    stop: () => interrupt.abort(new Error('interrupted')),
    done: command.parseAsync(args, { from: 'user' }).then(() => undefined),
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('timed out waiting');
}

let temp: string | undefined;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
});

describe('tango emulator start', () => {
  it('prints only the base URL on stdout, logs requests on stderr, and stops on the signal', async () => {
    const session = run(['--seed', '2', '--platform-key', 'my-own-long-key']);
    await until(() => session.stdout().includes('\n'));
    const baseUrl = session.stdout().trim();
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/raas\/v2$/);
    const response = await fetch(`${baseUrl}/customers`, {
      headers: { authorization: `Basic ${Buffer.from('tango-local:my-own-long-key').toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
    session.stop();
    await session.done;
    expect(session.stdout()).toBe(`${baseUrl}\n`);
    expect(session.stderr()).toContain('Basic auth:  tango-local / ****-key');
    expect(session.stderr()).not.toContain('my-own-long-key');
    expect(session.stderr()).toMatch(/GET \/raas\/v2\/customers 200 \d+ms [0-9a-f-]{36}/);
    expect(session.stderr()).toContain('Stopping the emulator.');
    await expect(fetch(`${baseUrl}/customers`)).rejects.toThrow();
  });

  it('describes its faults and data file', async () => {
    temp = mkdtempSync(join(tmpdir(), 'tango-emulator-'));
    const data = join(temp, 'state.json');
    const session = run([
      '--data',
      data,
      '--fail-rate',
      '0.25',
      '--latency',
      '5',
      '--rate-limit',
      '3',
      '--drop-rate',
      '0.1',
    ]);
    await until(() => session.stderr().includes('Ctrl-C'));
    session.stop();
    await session.done;
    expect(session.stderr()).toContain(`State:       ${data}`);
    expect(session.stderr()).toContain(
      'latency 5 ms, 503 on 25% of requests, 429 above 3 req/s, 10% of connections dropped (mixed) (replay with --random-seed ',
    );
  });

  it.each([
    [['--port', '70000'], '--port <n>', 'from 0 to 65535'],
    [['--port', '80.5'], '--port <n>', 'whole number'],
    [['--host', '0.0.0.0'], '--host <address>', 'loopback'],
    [['--latency', '-1'], '--latency <ms>', 'milliseconds'],
    [['--fail-rate', '1.5'], '--fail-rate <0..1>', 'from 0 to 1'],
    [['--fail-rate', 'half'], '--fail-rate <0..1>', 'from 0 to 1'],
    [['--rate-limit', '-2'], '--rate-limit <req/s>', 'requests per second'],
    [['--drop-rate', '2'], '--drop-rate <0..1>', 'from 0 to 1'],
    [['--drop-mode', 'sometimes'], '--drop-mode <when>', 'Allowed choices are mixed, before, after'],
    [['--seed', 'many'], '--seed <n>', 'customers'],
    [['--seed-accounts', '-3'], '--seed-accounts <n>', 'accounts per customer'],
    [['--token-ttl', '0'], '--token-ttl <seconds>', '1 or more'],
    [['--platform-name', ''], '--platform-name <name>', 'must not be empty'],
  ])('refuses %j naming the flag and its rule', async (args, flag, rule) => {
    const session = run(args);
    const error = await session.done.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).message).toContain(flag);
    expect((error as CommanderError).message).toContain(rule);
    expect(session.stdout()).toBe('');
  });

  it('refuses a --data file that is not emulator state, as a usage error naming the flag', async () => {
    temp = mkdtempSync(join(tmpdir(), 'tango-emulator-'));
    const data = join(temp, 'other.json');
    writeFileSync(data, '{"some": "other file"}');
    const error = await run(['--data', data]).done.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(`--data ${data}`);
    expect((error as UsageError).message).toContain('not a Tango emulator data file');
  });

  it('refuses a port in use as a usage error', async () => {
    const first = run([]);
    await until(() => first.stdout().includes('\n'));
    const port = new URL(first.stdout().trim()).port;
    const error = await run(['--port', port]).done.catch((thrown: unknown) => thrown);
    first.stop();
    await first.done;
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('already in use');
  });
});
