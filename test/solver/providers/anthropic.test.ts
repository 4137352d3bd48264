import { describe, expect, it } from 'vitest';
import { anthropicError, anthropicMessage, useProviderStandIn } from '../../support/model-api-stand-in.js';
import { rejection } from '../../support/rejection.js';

const API_KEY = 'sk-ant-api03-standinKEY0123456789';

const standIn = useProviderStandIn((api) => ({ provider: 'anthropic', baseUrl: api.url, apiKey: API_KEY, model: 'claude-sonnet-4-5' }));

const ask = { system: 'You answer questions.', messages: [{ role: 'user' as const, content: 'What is 2+2?' }] };

describe('Anthropic provider', () => {
  it('posts to /v1/messages and returns the text blocks, usage and cost', async () => {
    standIn.api.reply(anthropicMessage({ text: '4', thinking: 'two plus two', usage: { input: 120, output: 30 } }));
    const result = await standIn.provider({ temperature: 0.3, maxTokens: 256 }).complete(ask);

    expect(result.text).toBe('4');
    expect(result.usage).toEqual({ promptTokens: 120, completionTokens: 30, totalTokens: 150 });
    // claude-sonnet-4-5: $3 / $15 per million tokens.
    expect(result.costUsd).toBeCloseTo((120 * 3 + 30 * 15) / 1e6, 12);
    expect(result.model).toBe('claude-sonnet-4-5-20250929');
    expect(result.finishReason).toBe('end_turn');

    const sent = standIn.api.requests[0];
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers['x-api-key']).toBe(API_KEY);
    expect(sent?.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.json).toEqual({
      model: 'claude-sonnet-4-5',
      system: 'You answer questions.',
      messages: [{ role: 'user', content: 'What is 2+2?' }],
      max_tokens: 256,
      temperature: 0.3,
    });
  });

  it('accepts a base URL that already ends in /v1', async () => {
    standIn.api.reply(anthropicMessage({ text: 'ok' }));
    await standIn.provider({ baseUrl: `${standIn.api.url}/v1/` }).complete(ask);
    expect(standIn.api.requests[0]?.path).toBe('/v1/messages');
  });

  it('enables extended thinking with a budget, leaving room for the answer and no temperature', async () => {
    standIn.api.reply(anthropicMessage({ text: '4', thinking: 'hmm' }));
    await standIn.provider({ reasoningBudget: 2_000, maxTokens: 1_000, temperature: 0.2 }).complete(ask);
    const body = standIn.api.requests[0]?.json as Record<string, unknown>;
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2_000 });
    expect(body.max_tokens).toBe(3_000);
    expect(body.temperature).toBeUndefined();
  });

  it('asks for JSON in the system prompt (the Messages API has no JSON mode)', async () => {
    standIn.api.reply(anthropicMessage({ text: '{"a":1}' }));
    await standIn.provider().complete({ messages: ask.messages, responseFormat: 'json' });
    expect((standIn.api.requests[0]?.json as { system: string }).system).toMatch(/single JSON object/);
  });

  it('retries 529 overloaded and 429 with Retry-After, then succeeds', async () => {
    standIn.api.reply(
      anthropicError(529, 'overloaded_error', 'Overloaded'),
      anthropicError(429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit', { 'retry-after': '20' }),
      anthropicMessage({ text: '4' }),
    );
    const result = await standIn.provider().complete(ask);
    expect(result.text).toBe('4');
    expect(standIn.api.requests).toHaveLength(3);
    expect(standIn.sleeps[1]).toBeGreaterThanOrEqual(20_000);
  });

  it('stops at once on 401 and never shows the key', async () => {
    standIn.api.reply(anthropicError(401, 'authentication_error', `invalid x-api-key ${API_KEY}`));
    const error = await rejection(standIn.provider().complete(ask));
    expect(standIn.api.requests).toHaveLength(1);
    expect(error.code).toBe('MODEL_REFUSED');
    expect(error.shortMessage).toBe('The model provider rejected the API key (401).');
    const visible = [error.message, JSON.stringify(error.toJSON()), error.details ?? ''].join('\n');
    expect(visible).not.toContain(API_KEY);
  });

  it('stops at once when the credit balance is too low', async () => {
    standIn.api.reply(
      anthropicError(400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.'),
    );
    const error = await rejection(standIn.provider().complete(ask));
    expect(error.code).toBe('MODEL_REFUSED');
    expect(error.shortMessage).toMatch(/billing or quota reasons \(400\)/);
    expect(error.hint).toMatch(/Add credit/);
    expect(standIn.api.requests).toHaveLength(1);
  });

  it('rejects a response without content blocks as malformed', async () => {
    standIn.api.reply({ status: 200, body: { type: 'message', role: 'assistant' } });
    const error = await rejection(standIn.provider().complete(ask));
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.shortMessage).toMatch(/malformed response: no content/);
  });
});
