// Placeholder until the emulator branch lands (it replaces this file).
import { CliError, ExitCode } from '../errors.js';

export async function startEmbeddedEmulator(
  _configDir: string,
): Promise<{ baseUrl: string; credentials: { platformName: string; platformKey: string }; close(): Promise<void> }> {
  throw new CliError(ExitCode.error, 'The local emulator is not built yet.');
}
