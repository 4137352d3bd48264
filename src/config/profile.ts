import Conf from 'conf';
import { MinerError } from '../errors.js';
import { findSetting, settings, type SettingKey } from './settings.js';

export type ProfileValues = Partial<Record<SettingKey, string>>;

interface Store {
  profiles: Record<string, ProfileValues>;
}

export interface ProfileStoreOptions {
  /** Directory of the config file; defaults to the OS config dir (override: BOTCOIN_CONFIG_DIR). */
  cwd?: string;
}

/** Profile config on disk through `conf` (JSON in the user's config directory). */
export class ProfileStore {
  private readonly conf: Conf<Store>;

  constructor(options: ProfileStoreOptions = {}) {
    const cwd = options.cwd ?? process.env.BOTCOIN_CONFIG_DIR;
    this.conf = new Conf<Store>({
      projectName: 'botcoin-miner',
      projectSuffix: '',
      ...(cwd ? { cwd } : {}),
      defaults: { profiles: {} },
    });
  }

  get path(): string {
    return this.conf.path;
  }

  read(profile: string): ProfileValues {
    return { ...(this.conf.get('profiles')[profile] ?? {}) };
  }

  set(profile: string, key: string, value: string): void {
    assertKnownKey(key);
    const profiles = this.conf.get('profiles');
    profiles[profile] = { ...(profiles[profile] ?? {}), [key]: value };
    this.conf.set('profiles', profiles);
  }

  unset(profile: string, key: string): void {
    assertKnownKey(key);
    const profiles = this.conf.get('profiles');
    const values = { ...(profiles[profile] ?? {}) };
    delete values[key as SettingKey];
    profiles[profile] = values;
    this.conf.set('profiles', profiles);
  }
}

function assertKnownKey(key: string): void {
  if (!findSetting(key)) {
    throw new MinerError('CONFIG', `Unknown config key "${key}".`, {
      hint: `Known keys: ${settings.map((s) => s.key).join(', ')}.`,
    });
  }
}
