/** Can the configured model be reached? One call asking for a single token. */
import { ExitCode, isMinerError } from '../errors.js';
import { createProvider } from '../solver/providers/create-provider.js';
import type { ProviderKind } from '../solver/providers/types.js';
import { fail, failFrom, pass } from './check.js';
import type { DoctorCheck } from './types.js';

export interface ModelCheckInput {
  provider: string;
  model: string | undefined;
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  timeoutMs?: number | undefined;
}

/** The sandbox's answer-key replay (spec: `mine --model answer-key`) is no model to call. */
const REPLAY_MODEL = 'answer-key';
const KEY_HINT = 'Set BOTCOIN_MODEL_API_KEY (or OPENAI_API_KEY / ANTHROPIC_API_KEY) in the environment, or in the model.env file `botcoin-miner init` writes.';

export async function checkModel(input: ModelCheckInput): Promise<DoctorCheck> {
  if (!input.model) {
    return pass('model', 'no model configured (skipped; set one with `botcoin-miner config set model <name>` before mining with the hybrid or llm strategy)', { skipped: true });
  }
  if (input.model === REPLAY_MODEL) return pass('model', 'model "answer-key": the sandbox\'s answer-key replay, not a model (skipped)', { skipped: true });
  let provider;
  try {
    provider = createProvider({
      provider: input.provider as ProviderKind,
      model: input.model,
      ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
      ...(input.apiKey ? { apiKey: input.apiKey } : {}),
      timeoutMs: input.timeoutMs ?? 30_000,
      retry: { maxAttempts: 1 },
    });
  } catch (error) {
    return failFrom('model', error, 'Check the model settings (`botcoin-miner config list`).');
  }
  try {
    const result = await provider.complete({ messages: [{ role: 'user', content: 'Reply with the single word OK.' }], maxTokens: 1, temperature: 0 });
    return pass('model', `${input.provider} model ${result.model || input.model} answered (${result.usage.totalTokens} tokens)`);
  } catch (error) {
    if (isMinerError(error) && error.code === 'MODEL_REFUSED' && /\b401\b/.test(error.shortMessage)) {
      return fail('model', `${input.provider} model ${input.model}: the API key was rejected (401)${input.apiKey ? '' : ' — no key is set'}`, ExitCode.refused, KEY_HINT, error.details);
    }
    return failFrom('model', error, 'Check the model name, base URL and key (`botcoin-miner config list`).');
  } finally {
    await provider.close();
  }
}
