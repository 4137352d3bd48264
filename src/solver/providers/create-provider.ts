import { MinerError } from '../../errors.js';
import { createAnthropicProvider } from './anthropic.js';
import { createOpenAiCompatibleProvider } from './openai-compatible.js';
import type { ModelProvider, ProviderConfig } from './types.js';

/** The provider for a config: `openai` (any OpenAI-compatible endpoint) or `anthropic`. */
export function createProvider(config: ProviderConfig): ModelProvider {
  if (!config.model) {
    throw new MinerError('CONFIG', 'No model is configured.', { hint: 'Set BOTCOIN_MODEL (e.g. gpt-4.1-mini or claude-sonnet-4-5).' });
  }
  if (config.baseUrl !== undefined && !/^https?:\/\/[^/]/i.test(config.baseUrl)) {
    throw new MinerError('CONFIG', `The model base URL "${config.baseUrl}" is not an http(s) URL.`, {
      hint: 'Set BOTCOIN_MODEL_BASE_URL to e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1.',
    });
  }
  switch (config.provider) {
    case 'openai':
      return createOpenAiCompatibleProvider(config);
    case 'anthropic':
      return createAnthropicProvider(config);
    default:
      throw new MinerError('CONFIG', `Unknown model provider "${String(config.provider)}".`, {
        hint: 'Set BOTCOIN_PROVIDER to openai (any OpenAI-compatible endpoint) or anthropic.',
      });
  }
}
