import type { Command } from 'commander';
import { action } from '../context.js';
import { settings, findSetting, type SettingKey, type SettingSpec } from '../../config/settings.js';
import { MinerError } from '../../errors.js';

export function registerConfig(program: Command): void {
  const config = program.command('config').summary("read and write profile settings").description('read and write profile settings (flag > env > profile > default)');

  config
    .command('list')
    .description('list every setting with its value and where it came from')
    .action(
      action(async (ctx) => {
        const rows = settings.map((spec) => {
          const resolved = ctx.setting(spec.key);
          return {
            key: spec.key,
            value: displayValue(spec, resolved.value),
            source: resolved.source ?? null,
            env: spec.env,
            description: spec.description,
          };
        });
        ctx.out.result({ profile: ctx.profileName, path: ctx.profiles().path, settings: rows }, (data) =>
          [
            `profile ${data.profile} (${data.path})`,
            ...data.settings.map((r) => `${r.key.padEnd(18)} ${String(r.value ?? '-').padEnd(40)} ${r.source ?? ''}`),
          ].join('\n'),
        );
      }),
    );

  config
    .command('get <key>')
    .description('print one setting and its source')
    .action(
      action(async (ctx, key: string) => {
        const spec = findSetting(key);
        if (!spec) throw unknownKey(key);
        const resolved = ctx.setting(spec.key as SettingKey);
        const shown = { ...resolved, value: displayValue(spec, resolved.value) };
        ctx.out.result(shown, (r) => r.value ?? '');
      }),
    );

  config
    .command('set <key> <value>')
    .description('store a setting in the profile')
    .action(
      action(async (ctx, key: string, value: string) => {
        const spec = findSetting(key);
        if (!spec) throw unknownKey(key);
        if (spec.secret) {
          throw new MinerError('CONFIG', `"${key}" is a secret and is not stored in the profile.`, {
            hint: `Set it in the environment (${spec.env.join(' or ')}) instead.`,
          });
        }
        ctx.profiles().set(ctx.profileName, key, value);
        ctx.out.result({ profile: ctx.profileName, key, value }, (r) => `${r.key} = ${r.value} (profile ${r.profile})`);
      }),
    );

  config
    .command('unset <key>')
    .description('remove a setting from the profile')
    .action(
      action(async (ctx, key: string) => {
        if (!findSetting(key)) throw unknownKey(key);
        ctx.profiles().unset(ctx.profileName, key);
        ctx.out.result({ profile: ctx.profileName, key }, (r) => `${r.key} removed (profile ${r.profile})`);
      }),
    );
}

/** Secrets are never printed: only whether they are set. */
function displayValue(spec: SettingSpec, value: string | undefined): string | null {
  if (value === undefined) return null;
  return spec.secret ? '(set)' : value;
}

function unknownKey(key: string): MinerError {
  return new MinerError('CONFIG', `Unknown config key "${key}".`, {
    hint: `Known keys: ${settings.map((s) => s.key).join(', ')}.`,
  });
}
