/** `config list|get|set|unset` and `wallet new|import|address`: the profile and the signing wallet. */
import { z } from 'zod';
import { settings } from '../../config/settings.js';

const settingKey = z.enum(settings.map((s) => s.key) as [string, ...string[]]);
const source = z.enum(['flag', 'env', 'profile', 'default']);

export const configListSchema = z.strictObject({
  profile: z.string(),
  path: z.string().describe('the profile file'),
  settings: z.array(
    z.strictObject({
      key: settingKey,
      value: z.string().nullable().describe('"(set)" for a secret that is set; null when unset'),
      source: source.nullable(),
      env: z.array(z.string()),
      description: z.string(),
    }),
  ),
});

export const configGetSchema = z.strictObject({
  key: settingKey,
  value: z.string().nullable().describe('"(set)" for a secret that is set; null when unset'),
  source: source.optional(),
  envVar: z.string().optional().describe('the variable that supplied it, when source is env'),
});

export const configSetSchema = z.strictObject({ profile: z.string(), key: settingKey, value: z.string() });
export const configUnsetSchema = z.strictObject({ profile: z.string(), key: settingKey });

export const walletSchema = z.strictObject({
  address: z.string(),
  keystore: z.string().nullable().describe('null when the key comes from BOTCOIN_PRIVATE_KEY'),
});
