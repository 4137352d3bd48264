import { MinerError } from '../errors.js';
import { findSetting, type SettingKey } from './settings.js';
import type { ProfileValues } from './profile.js';

export type SettingSource = 'flag' | 'env' | 'profile' | 'default';
export interface ResolvedSetting {
  key: string;
  value: string | undefined;
  source: SettingSource | undefined;
  /** The environment variable that supplied it, when `source` is `env`. */
  envVar?: string;
}

/** Applies the precedence rule: flag > environment > profile > default. */
export function resolveSetting(
  key: SettingKey,
  sources: { flags?: Partial<Record<string, string | undefined>>; env?: NodeJS.ProcessEnv; profile?: ProfileValues },
): ResolvedSetting {
  const spec = findSetting(key);
  if (!spec) throw new MinerError('CONFIG', `Unknown config key "${key}".`);
  const flag = sources.flags?.[key];
  if (flag !== undefined && flag !== '') return { key, value: flag, source: 'flag' };
  const env = sources.env ?? process.env;
  for (const name of spec.env) {
    const value = env[name];
    if (value !== undefined && value !== '') return { key, value, source: 'env', envVar: name };
  }
  const stored = sources.profile?.[key];
  if (stored !== undefined) return { key, value: stored, source: 'profile' };
  if (spec.default !== undefined) return { key, value: spec.default, source: 'default' };
  return { key, value: undefined, source: undefined };
}
