/**
 * Where the state lives. Handlers only see this interface, so the same code serves the in-memory
 * emulator of the tests and the file-backed one that several processes share.
 *
 * Contract for `write`: `fn` must check everything before it changes anything, so that a thrown
 * error (a 409, a 404) leaves the state as it was and nothing is written.
 */
import { EmulatorState } from './state.js';

export interface Store {
  /** Runs `fn` on the newest state (re-read first when another process changed the data file). */
  read<T>(fn: (state: EmulatorState) => T): Promise<T>;
  /** Runs `fn` and persists what it changed; nothing is written when `fn` throws. */
  write<T>(fn: (state: EmulatorState) => T): Promise<T>;
  close(): Promise<void>;
}

export function memoryStore(initialise: (state: EmulatorState) => void): Store {
  const state = new EmulatorState();
  initialise(state);
  return {
    read: async (fn) => fn(state),
    write: async (fn) => fn(state),
    close: async () => {},
  };
}
