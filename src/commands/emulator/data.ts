/** The state `reset` and `seed` work on: the embedded emulator's file, or the one --data names. */
import { Option } from 'commander';
import type { Context } from '../../context.js';
import type { Store } from '../../emulator/store.js';
import { UsageError } from '../../errors.js';

export function dataFileOption(): Option {
  return new Option('--data <file>', 'a `tango emulator start --data` file instead of the --env local state');
}

export async function openEmulatorData(
  ctx: Context,
  file: string | undefined,
): Promise<{ path: string; store: Store }> {
  const { join } = await import('node:path');
  const { configDir } = await import('../../config/paths.js');
  const { LOCAL_EMULATOR_FILE } = await import('../../emulator/embedded.js');
  const { openFileStore } = await import('../../emulator/file-store.js');
  const path = file ?? join(configDir(ctx.env), LOCAL_EMULATOR_FILE);
  try {
    return { path, store: await openFileStore(path, () => false) };
  } catch (error) {
    if ((error as Error).name !== 'DataFileError') throw error;
    throw new UsageError(`${file ? `--data ${file}` : path}: ${(error as Error).message}`, {
      hint: 'point --data at a file that `tango emulator start --data` wrote',
    });
  }
}
