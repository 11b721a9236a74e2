/**
 * State kept in a JSON file that several processes may share (each `tango --env local` runs its
 * own emulator on the same file). Every write is a read-modify-write under a lock on the file:
 * re-read if another process changed it, apply, write a temp file, fsync, rename over the old one.
 * Readers never see a torn file because rename is atomic; writers never lose each other's changes
 * because they hold the lock from the re-read to the rename.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { HttpProblem } from './problems.js';
import { EmulatorState, emptyStateData, isStateData, type StateData } from './state.js';
import type { Store } from './store.js';

type LockFunction = typeof import('proper-lockfile')['lock'];

/** Enough to tell whether the file changed since we last read or wrote it (rename gives a new inode). */
interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

const LOCK_OPTIONS = {
  realpath: false, // the file may not exist yet
  stale: 10_000, // a lock not refreshed for 10 s belongs to a dead process
  // 10 to 20 s of patience in all (randomised waits of 5 ms growing to 250 ms): writers hold the
  // lock for milliseconds, so only a hung process makes anyone wait that long.
  retries: { retries: 60, factor: 1.2, minTimeout: 5, maxTimeout: 250, randomize: true },
};

export class DataFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DataFileError';
  }
}

export async function openFileStore(file: string, initialise: (state: EmulatorState) => boolean): Promise<Store> {
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  // Loaded here, not at the top: an in-memory emulator needs no lock package (nor the exit hooks it installs).
  const { lock } = (await import('proper-lockfile')).default;
  const store = new FileStore(path, lock);
  await store.initialise(initialise);
  return store;
}

class FileStore implements Store {
  private state = new EmulatorState();
  private known: FileIdentity | undefined;
  /** Operations of this process run one at a time; the file lock orders them with other processes. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly lock: LockFunction,
  ) {}

  /** Loads the file (refusing one that is not emulator state) and lets `initialise` seed it. */
  initialise(initialise: (state: EmulatorState) => boolean): Promise<void> {
    return this.serial(() =>
      this.withLock(async () => {
        await this.refresh();
        if (initialise(this.state) || !this.known) await this.save();
      }),
    );
  }

  read<T>(fn: (state: EmulatorState) => T): Promise<T> {
    return this.serial(async () => {
      await this.refresh();
      return fn(this.state);
    });
  }

  write<T>(fn: (state: EmulatorState) => T): Promise<T> {
    return this.serial(() =>
      this.withLock(async () => {
        await this.refresh();
        const result = fn(this.state);
        await this.save();
        return result;
      }),
    );
  }

  async close(): Promise<void> {
    await this.queue;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async withLock<T>(task: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await this.lock(this.file, {
        ...LOCK_OPTIONS,
        // The default throws from a timer and kills the process; a slow write is no reason to.
        onCompromised: () => undefined,
      });
    } catch {
      throw new HttpProblem(503, 'error.dataFile.busy', `The emulator's data file is locked by another process`, {
        headers: { 'retry-after': '1' },
      });
    }
    try {
      return await task();
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async refresh(): Promise<void> {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Deleted behind our back: start again from nothing rather than resurrect old data.
      if (this.known) this.state = new EmulatorState();
      this.known = undefined;
      return;
    }
    try {
      const stat = await handle.stat();
      if (this.known && sameFile(this.known, stat)) return;
      this.state = new EmulatorState(parseStateFile(await handle.readFile('utf8'), this.file));
      this.known = identity(stat);
    } finally {
      await handle.close();
    }
  }

  private async save(): Promise<void> {
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'wx', 0o600);
      let stat: Stats;
      try {
        await handle.writeFile(JSON.stringify(this.state.toData()));
        await handle.sync();
        stat = await handle.stat();
      } finally {
        await handle.close();
      }
      await rename(temp, this.file);
      this.known = identity(stat);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      // What is in memory is no longer what is on disk: the next operation re-reads the file.
      this.known = undefined;
      throw error;
    }
  }
}

function parseStateFile(text: string, file: string): StateData {
  // An empty file (say, one made with `touch`) is an emulator with no data yet.
  if (text.trim() === '') return emptyStateData();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isStateData(data)) throw new DataFileError(`${file} is not a Tango emulator data file`);
  return data;
}

function identity(stat: Stats): FileIdentity {
  return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

function sameFile(known: FileIdentity, stat: Stats): boolean {
  return known.ino === stat.ino && known.size === stat.size && known.mtimeMs === stat.mtimeMs;
}
