/**
 * The three standard streams and the facts about them, like gh's iostreams: whether each is a
 * terminal, how wide the terminal is, and whether a stream gets colour. The entry point builds
 * one from the process; a test builds one from fake streams. Nothing else reaches a stream.
 */
import { describeSize, MAX_INPUT_BYTES } from '../domain/input-limits.js';
import { colorEnabled } from './color.js';

export interface StandardStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export class IOStreams {
  readonly #streams: StandardStreams;
  readonly #env: NodeJS.ProcessEnv;

  constructor(streams: StandardStreams, env: NodeJS.ProcessEnv) {
    this.#streams = streams;
    this.#env = env;
  }

  /** For readers that take a stream: a piped secret, a plan or a CSV on stdin, the prompts' keys. */
  get stdin(): NodeJS.ReadStream {
    return this.#streams.stdin;
  }

  /** Where prompts draw: stderr, so stdout stays data even in the wizard. */
  get promptOutput(): NodeJS.WritableStream {
    return this.#streams.stderr;
  }

  /**
   * All of stdin as text, for the flags that read it (`--file -`, `--plan -`, `--platform-key-stdin`).
   * A terminal there means nothing was piped: waiting would look like a hang, so `flag` is refused
   * with an `example` of piping instead. More than MAX_INPUT_BYTES is refused as it arrives.
   */
  async readStdin(flag: string, example: string): Promise<string> {
    if (this.stdinIsTTY) {
      const { UsageError } = await import('../errors.js');
      throw new UsageError(`${flag} reads stdin, but nothing is piped in`, { hint: `for example: ${example}` });
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of this.#streams.stdin) {
      // Buffer.from(a Buffer) would copy the same bytes: the check only saves the copy.
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buffer.length;
      if (bytes > MAX_INPUT_BYTES) {
        const { UsageError } = await import('../errors.js');
        const limit = describeSize(MAX_INPUT_BYTES);
        throw new UsageError(`${flag}: stdin holds more than ${limit}; at most ${limit} is read`, {
          hint: 'split it into smaller files and run once for each',
        });
      }
      chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  get stdinIsTTY(): boolean {
    return Boolean(this.#streams.stdin.isTTY);
  }

  get stdoutIsTTY(): boolean {
    return Boolean(this.#streams.stdout.isTTY);
  }

  get stderrIsTTY(): boolean {
    return Boolean(this.#streams.stderr.isTTY);
  }

  /** The width of the terminal on stdout, which tables fit; none on a pipe. */
  get stdoutColumns(): number | undefined {
    return this.stdoutIsTTY ? this.#streams.stdout.columns || undefined : undefined;
  }

  /** The width of the terminal on stderr, where tables of the review and progress bars draw; none on a pipe. */
  get stderrColumns(): number | undefined {
    return this.stderrIsTTY ? this.#streams.stderr.columns || undefined : undefined;
  }

  /**
   * Whether `stream` gets colour. `color` is commander's value of --no-color: false when the
   * flag was given, and then it beats NO_COLOR and FORCE_COLOR, on both streams.
   */
  colorOn(stream: 'stdout' | 'stderr', color: boolean | undefined): boolean {
    const isTTY = stream === 'stdout' ? this.stdoutIsTTY : this.stderrIsTTY;
    return colorEnabled({ flag: color, env: this.#env, isTTY });
  }

  /** Writes respecting back-pressure, so streaming 100,000 rows into a slow pipe keeps memory flat. */
  writeOut(text: string): Promise<void> | void {
    const stdout = this.#streams.stdout;
    if (stdout.write(text)) return;
    return new Promise((resolve) => stdout.once('drain', resolve));
  }

  writeErr(text: string): void {
    this.#streams.stderr.write(text);
  }
}
