import { describe, expect, it } from 'vitest';
import { MinerError } from '../../../src/errors.js';
import { createProvider } from '../../../src/solver/providers/create-provider.js';
import type { ProviderConfig } from '../../../src/solver/providers/types.js';

function configError(config: ProviderConfig): MinerError {
  try {
    createProvider(config);
  } catch (error) {
    expect(error).toBeInstanceOf(MinerError);
    return error as MinerError;
  }
  throw new Error('expected a configuration error');
}

describe('createProvider', () => {
  it('builds the provider the config names', async () => {
    for (const kind of ['openai', 'anthropic'] as const) {
      const provider = createProvider({ provider: kind, model: 'm' });
      expect(provider.provider).toBe(kind);
      expect(provider.model).toBe('m');
      await provider.close();
    }
  });

  it('refuses an unknown provider, a missing model and a non-http base URL', () => {
    expect(configError({ provider: 'gemini' as ProviderConfig['provider'], model: 'm' }).hint).toMatch(/openai .* or anthropic/);
    expect(configError({ provider: 'openai', model: '' }).code).toBe('CONFIG');
    expect(configError({ provider: 'openai', model: 'm', baseUrl: 'localhost:11434' }).shortMessage).toMatch(/not an http\(s\) URL/);
  });
});
