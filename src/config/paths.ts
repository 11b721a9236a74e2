import { homedir } from 'node:os';
import { join } from 'node:path';

/** TANGO_CONFIG_DIR, else the platform's config folder + tango-admin. Cheap: no conf import. */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.TANGO_CONFIG_DIR) return env.TANGO_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'tango-admin');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'tango-admin');
}

export const CONFIG_FILE_NAME = 'config.json';
