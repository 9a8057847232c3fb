// Where the vault lives by default: the same directory for the desktop app and the CLI
// (Electron's userData for an app named "Embargo", plus /vault).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Embargo';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultVaultDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return env.EMBARGO_VAULT ?? join(defaultUserDataDir(env, platform), 'vault');
}
