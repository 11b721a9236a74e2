/**
 * `tango emulator start`: runs the local Tango-compatible server until Ctrl-C or SIGTERM. The
 * base URL goes to stdout (one line, for scripts: `url=$(tango emulator start ... | head -1)`),
 * everything else, the request log included, to stderr. The emulator itself loads only when the
 * action runs, so `tango --help` stays fast.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { isLoopbackHost } from '../../config/environments.js';
import type { Context } from '../../context.js';
import {
  CREATE_ANSWERS,
  type CreateAnswer,
  DROP_MODES,
  type DropMode,
  HOST_RULE,
} from '../../emulator/option-rules.js';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/server.js';
import { UsageError } from '../../errors.js';
import { action, examples } from '../action.js';
import { numberFlag } from './flags.js';

interface StartFlags {
  port: number;
  host: string;
  data?: string;
  latency: number;
  failRate: number;
  rateLimit: number;
  dropRate: number;
  dropMode: DropMode;
  seed: number;
  seedAccounts: number;
  randomSeed?: number;
  platformName?: string;
  platformKey?: string;
  tokenTtl: number;
  createAnswer: CreateAnswer;
}

export function emulatorStartCommand(): Command {
  return new Command('start')
    .description('run a local server that behaves like the Tango RaaS v2 customer, account and low-balance alert API')
    .addOption(
      new Option('--port <n>', 'port to listen on; 0 picks a free one').argParser(numberFlag('port')).default(0),
    )
    .addOption(new Option('--host <address>', 'loopback address to listen on').argParser(hostFlag).default('127.0.0.1'))
    .option('--data <file>', 'keep state in this JSON file (safe to share between processes); default: in memory')
    .addOption(
      new Option('--latency <ms>', 'delay every answer by this many milliseconds')
        .argParser(numberFlag('latencyMs'))
        .default(0),
    )
    .addOption(
      new Option('--fail-rate <0..1>', 'share of requests answered 503').argParser(numberFlag('failRate')).default(0),
    )
    .addOption(
      new Option('--rate-limit <req/s>', 'answer 429 with Retry-After above this many requests per second; 0: no limit')
        .argParser(numberFlag('rateLimit'))
        .default(0),
    )
    .addOption(
      new Option('--drop-rate <0..1>', 'share of connections dropped, before or after the request is applied')
        .argParser(numberFlag('dropRate'))
        .default(0),
    )
    .addOption(
      new Option('--drop-mode <when>', 'when a dropped request is dropped').choices(DROP_MODES).default('mixed'),
    )
    .addOption(
      new Option('--seed <n>', 'create n sample customers when the state is empty')
        .argParser(numberFlag('seed'))
        .default(0),
    )
    .addOption(
      new Option('--seed-accounts <n>', 'accounts per sample customer')
        .argParser(numberFlag('seedAccounts'))
        .default(3),
    )
    .addOption(
      new Option(
        '--random-seed <n>',
        'seed of the random faults, to replay a run (the banner shows the one drawn)',
      ).argParser(numberFlag('randomSeed')),
    )
    .addOption(
      new Option('--platform-name <name>', 'the Basic-auth user to accept (default: tango-local)').argParser(nonEmpty),
    )
    .addOption(
      new Option('--platform-key <key>', 'the Basic-auth password to accept (default: local-key)').argParser(nonEmpty),
    )
    .addOption(
      new Option('--token-ttl <seconds>', 'lifetime of OAuth tokens from POST /oauth/token')
        .argParser(numberFlag('tokenTtlSeconds'))
        .default(86_400),
    )
    .addOption(
      new Option(
        '--create-answer <shape>',
        'what a create answers: documented (201, the created fields) or full (200, the whole resource)',
      )
        .choices(CREATE_ANSWERS)
        .default('documented'),
    )
    .addHelpText(
      'after',
      `
Use it from another terminal (or a script) with the URL it prints:
  TANGO_PLATFORM_NAME=tango-local TANGO_PLATFORM_KEY=local-key tango --base-url <URL> customers list
Credentials: HTTP Basic with the platform name and key above, or a Bearer token from
POST /oauth/token (the password grant: client local-client / local-secret, service account
local-service-account / local-password).
Control (no credentials): GET /_emulator/stats, /_emulator/health; PATCH /_emulator/faults.
${examples(
  ['tango emulator start', 'in memory, on a free port; prints the base URL'],
  ['tango emulator start --port 8080 --seed 5', 'five sample customers with three accounts each'],
  ['tango emulator start --data ./emulator.json', 'state survives restarts'],
  ['tango emulator start --fail-rate 0.2 --latency 300', 'rehearse a cron script on a bad day'],
  ['tango emulator start --rate-limit 1 --drop-rate 0.1', 'prove retries and lost answers are survived'],
  ['tango emulator start --create-answer full', "creates answer the whole resource, as the 2020 Swagger's 200"],
)}`,
    )
    .action(action(start));
}

async function start(ctx: Context, flags: StartFlags): Promise<void> {
  const { startEmulator } = await import('../../emulator/server.js');
  const emulator = await startEmulator(emulatorOptions(flags, (line) => ctx.log.plain(line))).catch(
    (error: unknown) => {
      throw startFailure(error, flags);
    },
  );
  await ctx.output.lines([emulator.baseUrl]);
  const { mask } = await import('../../config/secrets.js');
  for (const line of banner(emulator, flags, mask)) ctx.log.plain(line);
  await untilAborted(ctx.signal);
  ctx.log.plain('Stopping the emulator.');
  await emulator.close();
}

function emulatorOptions(flags: StartFlags, log: (line: string) => void): EmulatorOptions {
  const custom = flags.platformName !== undefined || flags.platformKey !== undefined;
  return {
    host: flags.host,
    port: flags.port,
    dataFile: flags.data,
    latencyMs: flags.latency,
    failRate: flags.failRate,
    rateLimit: flags.rateLimit,
    dropRate: flags.dropRate,
    dropMode: flags.dropMode,
    seed: flags.seed,
    seedAccounts: flags.seedAccounts,
    random: flags.randomSeed,
    tokenTtlSeconds: flags.tokenTtl,
    createAnswer: flags.createAnswer,
    ...(custom
      ? {
          credentials: {
            platformName: flags.platformName ?? 'tango-local',
            platformKey: flags.platformKey ?? 'local-key',
          },
        }
      : {}),
    log,
  };
}

/** A data file that cannot be used is the --data flag's fault; say so instead of printing a stack. */
function startFailure(error: unknown, flags: StartFlags): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (flags.data && (failure?.name === 'DataFileError' || typeof failure?.syscall === 'string')) {
    return new UsageError(`--data ${flags.data}: ${failure.message}`, {
      hint: 'Point --data at a new file, or at one an earlier `tango emulator start --data` wrote.',
    });
  }
  return error;
}

/** What is running and how to reach it; a key the user chose is masked, the well-known default is not. */
function banner(emulator: RunningEmulator, flags: StartFlags, mask: (secret: string) => string): string[] {
  const { platformName, platformKey } = emulator.credentials;
  const shownKey = flags.platformKey === undefined ? platformKey : mask(platformKey);
  const faults = [
    flags.latency ? `latency ${flags.latency} ms` : '',
    flags.failRate ? `503 on ${flags.failRate * 100}% of requests` : '',
    flags.rateLimit ? `429 above ${flags.rateLimit} req/s` : '',
    flags.dropRate ? `${flags.dropRate * 100}% of connections dropped (${flags.dropMode})` : '',
  ].filter(Boolean);
  return [
    `Tango emulator listening on ${emulator.baseUrl}`,
    `  Basic auth:  ${platformName} / ${shownKey}`,
    `  OAuth:       POST ${emulator.tokenUrl} (client ${emulator.oauthClient.clientId} / ${emulator.oauthClient.clientSecret},`,
    `               service account ${emulator.serviceAccount.username} / ${emulator.serviceAccount.password})`,
    `  State:       ${flags.data ?? 'in memory (gone when it stops)'}`,
    `  Faults:      ${faults.length > 0 ? `${faults.join(', ')} (replay with --random-seed ${emulator.randomSeed})` : 'none'}`,
    `  Stats:       ${emulator.controlUrl}/stats`,
    'Press Ctrl-C to stop.',
  ];
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function hostFlag(value: string): string {
  if (!isLoopbackHost(value)) throw new InvalidArgumentError(`It ${HOST_RULE}.`);
  return value.replace(/^\[|\]$/g, '');
}

function nonEmpty(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('It must not be empty.');
  return value;
}
