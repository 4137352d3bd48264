/**
 * The model provider a session solves with: the configured one (settings.ts: provider, model,
 * base URL, key, timeout, temperature, max tokens, reasoning budget), or — with `--model
 * answer-key` in the sandbox — the answer-key replay: a loopback OpenAI-compatible server that
 * answers from the sandbox's answer keys. The replay is labelled everywhere as what it is: it
 * exercises the pipeline and measures nothing about solving.
 */
import { MinerError } from '../errors.js';
import { registerSecret } from '../safety/secrets.js';
import { createProvider } from '../solver/providers/create-provider.js';
import type { ModelProvider, ProviderKind } from '../solver/providers/types.js';
import type { SandboxSource } from './sandbox-source.js';

export interface ModelSettings {
  provider?: string | undefined;
  model?: string | undefined;
  modelBaseUrl?: string | undefined;
  modelApiKey?: string | undefined;
  modelTimeoutMs?: string | number | undefined;
  modelTemperature?: string | number | undefined;
  modelMaxTokens?: string | number | undefined;
  modelReasoningBudget?: string | number | undefined;
}

/** The reserved model name that selects the sandbox's answer-key replay. */
export const ANSWER_KEY_MODEL = 'answer-key';


export interface OpenModel {
  provider: ModelProvider;
  close(): Promise<void>;
}

export async function openModel(settings: ModelSettings, sandbox: SandboxSource | undefined, notice: (message: string) => void): Promise<OpenModel> {
  if (settings.model === ANSWER_KEY_MODEL) {
    if (!sandbox) {
      throw new MinerError('BAD_USAGE', '--model answer-key works only with --sandbox.', {
        hint: 'The answer-key replay reads the sandbox\'s answer keys; use a real model (BOTCOIN_MODEL) elsewhere.',
      });
    }
    const { startAnswerKeyModel, answerKeyLookupFromDir, REPLAY_LABEL } = await import('../sandbox/answer-key-model/index.js');
    notice(`--model answer-key: ${REPLAY_LABEL}.`);
    const replay = await startAnswerKeyModel({ lookup: answerKeyLookupFromDir(sandbox.description.answerKeyDir) });
    const provider = createProvider({ provider: 'openai', baseUrl: replay.baseUrl, model: replay.model, price: { inputPerMTok: 0, outputPerMTok: 0 } });
    return {
      provider,
      close: async () => {
        await provider.close();
        await replay.stop();
      },
    };
  }
  // Registered so the ledger refuses, and logs redact, any text that carries it.
  if (settings.modelApiKey) registerSecret(settings.modelApiKey);
  const provider = createProvider({
    provider: (settings.provider ?? 'openai') as ProviderKind,
    model: settings.model ?? '',
    ...(settings.modelBaseUrl ? { baseUrl: settings.modelBaseUrl } : {}),
    ...(settings.modelApiKey ? { apiKey: settings.modelApiKey } : {}),
    ...numberSetting('timeoutMs', settings.modelTimeoutMs),
    ...numberSetting('temperature', settings.modelTemperature),
    ...numberSetting('maxTokens', settings.modelMaxTokens),
    ...numberSetting('reasoningBudget', settings.modelReasoningBudget),
  });
  return { provider, close: () => provider.close() };
}

function numberSetting<K extends string>(key: K, value: string | number | undefined): Partial<Record<K, number>> {
  if (value === undefined || value === '') return {};
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number) || number < 0) {
    throw new MinerError('CONFIG', `The model setting ${key} must be a non-negative number; got "${String(value)}".`, {
      hint: 'Fix it with `botcoin-miner config set` or the matching BOTCOIN_MODEL_* variable.',
    });
  }
  return { [key]: number } as Partial<Record<K, number>>;
}
