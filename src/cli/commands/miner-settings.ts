import type { CommandContext } from '../context.js';
import type { MinerSettings } from '../../miner/session.js';

/** The mining commands' own flags that override a setting of the same name. */
export interface MinerFlags {
  lane?: string;
  rigs?: string;
  strategy?: string;
  model?: string;
}

/**
 * Everything a mining command's session needs, resolved with the context's precedence (flag >
 * environment > profile > default); the engine (src/miner) receives plain values.
 */
export function minerSettings(ctx: CommandContext, flags: MinerFlags, options: { needsModel: boolean }): MinerSettings {
  const value = (key: Parameters<CommandContext['setting']>[0], flag?: string): string | undefined =>
    ctx.setting(key, flag === undefined ? {} : { [key]: flag }).value;
  return {
    coordinator: value('coordinator'),
    rpc: value('rpc'),
    lane: value('lane', flags.lane),
    rigs: value('rigs', flags.rigs),
    keystore: value('keystore'),
    dataDir: value('dataDir'),
    sandbox: Boolean(ctx.globals.sandbox),
    strategy: value('strategy', flags.strategy),
    provider: value('provider'),
    model: value('model', flags.model),
    modelBaseUrl: value('modelBaseUrl'),
    modelApiKey: value('modelApiKey'),
    modelTimeoutMs: value('modelTimeoutMs'),
    modelTemperature: value('modelTemperature'),
    modelMaxTokens: value('modelMaxTokens'),
    modelReasoningBudget: value('modelReasoningBudget'),
    interactive: ctx.interactive,
    needsModel: options.needsModel,
    notice: (message) => ctx.out.info(message),
  };
}
