import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Per-user directories for botcoin-miner, laid out as `conf` (which uses env-paths with an empty
 * suffix) lays out its config file, so the profile config and these helpers agree on one place.
 */
const APP = 'botcoin-miner';

/** Where the ledger, keystores and sandbox files live: `BOTCOIN_DATA_DIR`, else the OS data dir. */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.BOTCOIN_DATA_DIR;
  if (override) return override;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP);
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), APP, 'Data');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), APP);
}

/** Where the profile config lives: `BOTCOIN_CONFIG_DIR`, else the OS config dir (as `conf` uses). */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.BOTCOIN_CONFIG_DIR;
  if (override) return override;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', APP);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP, 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP);
}
