import { describe, expect, it } from 'vitest';
import { MinerError } from '../../../src/errors.js';
import { VERSION } from '../../../src/version.js';
import { openAiCompletion, openAiError, useProviderStandIn } from '../../support/model-api-stand-in.js';
import { rejection } from '../../support/rejection.js';

const API_KEY = 'sk-standin-0123456789abcdefSECRET';

const standIn = useProviderStandIn((api) => ({ provider: 'openai', baseUrl: `${api.url}/v1`, apiKey: API_KEY, model: 'gpt-4o-mini' }));

/** Everything a user or log could see of an error. */
function visible(error: MinerError): string {
  return [error.message, String(error), JSON.stringify(error.toJSON()), error.details ?? '', error.hint ?? ''].join('\n');
}

const ask = { system: 'You answer questions.', messages: [{ role: 'user' as const, content: 'What is 2+2?' }] };

describe('OpenAI-compatible provider', () => {
  it('posts a chat completion and returns text, usage and cost', async () => {
    standIn.api.reply(openAiCompletion({ text: '4', usage: { input: 100, output: 20 } }));
    const result = await standIn.provider({ temperature: 0.2, maxTokens: 300 }).complete(ask);

    expect(result.text).toBe('4');
    expect(result.usage).toEqual({ promptTokens: 100, completionTokens: 20, totalTokens: 120 });
    // gpt-4o-mini: $0.15 / $0.60 per million tokens.
    expect(result.costUsd).toBeCloseTo((100 * 0.15 + 20 * 0.6) / 1e6, 12);
    expect(result.model).toBe('gpt-4o-mini-2024-07-18');
    expect(result.finishReason).toBe('stop');
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);

    const sent = standIn.api.requests[0];
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent?.headers['user-agent']).toContain(`botcoin-miner/${VERSION}`);
    expect(sent?.json).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You answer questions.' },
        { role: 'user', content: 'What is 2+2?' },
      ],
      max_tokens: 300,
      temperature: 0.2,
    });
  });

  it('sends no Authorization header to a local server without a key', async () => {
    standIn.api.reply(openAiCompletion({ text: 'ok', model: 'llama3.1:8b' }));
    const result = await standIn.provider({ apiKey: undefined, model: 'llama3.1:8b' }).complete(ask);
    expect(standIn.api.requests[0]?.headers.authorization).toBeUndefined();
    expect(result.costUsd).toBeUndefined();
  });

  it('uses a configured price for models the table does not know', async () => {
    standIn.api.reply(openAiCompletion({ text: 'ok', model: 'my-finetune', usage: { input: 1_000_000, output: 500_000 } }));
    const result = await standIn.provider({ model: 'my-finetune', price: { inputPerMTok: 1, outputPerMTok: 4 } }).complete(ask);
    expect(result.costUsd).toBe(3);
  });

  it('asks for JSON mode and says so in the system prompt', async () => {
    standIn.api.reply(openAiCompletion({ text: '{"answer":4}' }));
    await standIn.provider().complete({ ...ask, responseFormat: 'json' });
    const body = standIn.api.requests[0]?.json as { response_format: unknown; messages: Array<{ content: string }> };
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]?.content).toMatch(/JSON object/);
  });

  it('falls back to plain prompting when the server rejects JSON mode, and remembers it', async () => {
    standIn.api.reply(
      openAiError(400, { message: "'response_format.type' must be 'json_schema'", param: 'response_format' }),
      openAiCompletion({ text: '{"answer":4}' }),
      openAiCompletion({ text: '{"answer":5}' }),
    );
    const model = standIn.provider();
    expect((await model.complete({ ...ask, responseFormat: 'json' })).text).toBe('{"answer":4}');
    expect((await model.complete({ ...ask, responseFormat: 'json' })).text).toBe('{"answer":5}');
    const formats = standIn.api.requests.map((r) => (r.json as Record<string, unknown>).response_format);
    expect(formats).toEqual([{ type: 'json_object' }, undefined, undefined]);
  });

  it('switches to max_completion_tokens when the model rejects max_tokens', async () => {
    standIn.api.reply(
      openAiError(400, {
        message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        param: 'max_tokens',
        code: 'unsupported_parameter',
      }),
      openAiCompletion({ text: 'ok' }),
    );
    await standIn.provider({ maxTokens: 500 }).complete(ask);
    const second = standIn.api.requests[1]?.json as Record<string, unknown>;
    expect(second.max_completion_tokens).toBe(500);
    expect(second.max_tokens).toBeUndefined();
  });

  it('passes a reasoning budget through as reasoning effort', async () => {
    standIn.api.reply(openAiCompletion({ text: 'ok' }));
    await standIn.provider({ reasoningBudget: 4_000 }).complete(ask);
    expect((standIn.api.requests[0]?.json as Record<string, unknown>).reasoning_effort).toBe('medium');
  });

  it('drops a leading <think> block that local reasoning models inline', async () => {
    standIn.api.reply(openAiCompletion({ text: '<think>2 and 2 make 4</think>\n4' }));
    expect((await standIn.provider().complete(ask)).text).toBe('4');
  });

  it('retries a 429 after at least Retry-After, then succeeds', async () => {
    standIn.api.reply(openAiError(429, { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' }, { 'retry-after': '7' }), openAiCompletion({ text: '4' }));
    const result = await standIn.provider().complete(ask);
    expect(result.text).toBe('4');
    expect(standIn.api.requests).toHaveLength(2);
    expect(standIn.sleeps).toHaveLength(1);
    expect(standIn.sleeps[0]).toBeGreaterThanOrEqual(7_000);
  });

  it('retries a 500 and a dropped connection, then succeeds', async () => {
    standIn.api.reply(openAiError(500, { message: 'The server had an error', type: 'server_error' }), { destroy: true }, openAiCompletion({ text: '4' }));
    const result = await standIn.provider().complete(ask);
    expect(result.text).toBe('4');
    expect(standIn.api.requests).toHaveLength(3);
    expect(standIn.sleeps).toHaveLength(2);
  });

  it('gives up after the attempt bound with MODEL_UNAVAILABLE', async () => {
    standIn.api.reply(...Array.from({ length: 3 }, () => openAiError(503, { message: 'overloaded' })));
    const error = await rejection(standIn.provider({ retry: { maxAttempts: 3 } }).complete(ask));
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.shortMessage).toContain('503');
    expect(standIn.api.requests).toHaveLength(3);
  });

  it('stops at once on 401 with a clear message and never shows the key', async () => {
    standIn.api.reply(
      openAiError(401, {
        message: `Incorrect API key provided: ${API_KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        code: 'invalid_api_key',
      }),
    );
    const error = await rejection(standIn.provider().complete(ask));
    expect(standIn.api.requests).toHaveLength(1);
    expect(error.code).toBe('MODEL_REFUSED');
    expect(error.shortMessage).toBe('The model provider rejected the API key (401).');
    expect(error.hint).toMatch(/BOTCOIN_MODEL_API_KEY/);
    expect(visible(error)).not.toContain(API_KEY);
    expect(visible(error)).not.toContain(API_KEY.slice(0, 12));
  });

  it('stops at once on an exhausted quota (429 insufficient_quota) and on 402', async () => {
    standIn.api.reply(
      openAiError(429, {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        code: 'insufficient_quota',
      }),
    );
    const model = standIn.provider();
    const quota = await rejection(model.complete(ask));
    expect(quota.code).toBe('MODEL_REFUSED');
    expect(quota.shortMessage).toMatch(/billing or quota/);
    expect(standIn.api.requests).toHaveLength(1);
    expect(standIn.sleeps).toEqual([]);

    standIn.api.reply({ status: 402, body: { error: { message: 'Insufficient credits', code: 402 } } });
    const credits = await rejection(model.complete(ask));
    expect(credits.shortMessage).toMatch(/billing or quota reasons \(402\)/);
    expect(standIn.api.requests).toHaveLength(2);
  });

  it("reports other 400s with the provider's own message", async () => {
    standIn.api.reply(openAiError(400, { message: 'The model `gpt-9` does not exist', code: 'model_not_found' }));
    const error = await rejection(standIn.provider({ model: 'gpt-9' }).complete(ask));
    expect(error.code).toBe('MODEL_REFUSED');
    expect(error.shortMessage).toContain('The model `gpt-9` does not exist');
    expect(standIn.api.requests).toHaveLength(1);
  });

  it('times out without retrying (a retried model call may be billed twice)', async () => {
    standIn.api.reply({ ...openAiCompletion({ text: 'late' }), delayMs: 2_000 });
    const error = await rejection(standIn.provider({ timeoutMs: 200 }).complete(ask));
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.shortMessage).toMatch(/no response within .* \(timeout\)/);
    expect(error.hint).toMatch(/timeout/);
    expect(standIn.api.requests).toHaveLength(1);
  });

  it('rejects a malformed response clearly: not JSON, or JSON without choices', async () => {
    standIn.api.reply({ status: 200, body: '<html><body>Welcome to nginx</body></html>', headers: { 'content-type': 'text/html' } });
    const model = standIn.provider();
    const html = await rejection(model.complete(ask));
    expect(html.code).toBe('MODEL_UNAVAILABLE');
    expect(html.shortMessage).toMatch(/malformed response: not JSON/);
    expect(html.details).toContain('Welcome to nginx');

    standIn.api.reply({ status: 200, body: { object: 'list', data: [] } });
    const shape = await rejection(model.complete(ask));
    expect(shape.shortMessage).toMatch(/malformed response: no choices/);
  });

  it('returns an empty text with the finish reason when the model ran out of tokens', async () => {
    standIn.api.reply(openAiCompletion({ text: null, finishReason: 'length', usage: { input: 50, output: 300 } }));
    const result = await standIn.provider().complete(ask);
    expect(result.text).toBe('');
    expect(result.finishReason).toBe('length');
    expect(result.usage.completionTokens).toBe(300);
  });
});
