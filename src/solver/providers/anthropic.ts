import { z } from 'zod';
import { chatResult, systemPrompt } from './chat-result.js';
import { malformedResponseError } from './model-errors.js';
import { createModelTransport } from './model-http.js';
import type { ChatRequest, ChatResult, ModelProvider, ProviderConfig } from './types.js';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';
const ANTHROPIC_VERSION = '2023-06-01';
/** The Messages API requires max_tokens; this is enough for a full solve answer. */
const DEFAULT_MAX_TOKENS = 4_096;
/** The smallest thinking budget the API accepts. */
const MIN_THINKING_BUDGET = 1_024;

const messageSchema = z.object({
  model: z.string().optional(),
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  stop_reason: z.string().nullable().optional(),
  usage: z
    .object({
      input_tokens: z.number(),
      output_tokens: z.number(),
      cache_creation_input_tokens: z.number().nullable().optional(),
      cache_read_input_tokens: z.number().nullable().optional(),
    })
    .optional(),
});

/** Anthropic's Messages API (`POST /v1/messages`). */
export function createAnthropicProvider(config: ProviderConfig): ModelProvider {
  // Accept the base URL with or without the version segment.
  const baseUrl = (config.baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL).replace(/\/+$/, '').replace(/\/v1$/, '');
  const transport = createModelTransport(config, baseUrl, {
    'anthropic-version': ANTHROPIC_VERSION,
    ...(config.apiKey ? { 'x-api-key': config.apiKey } : {}),
  });

  function buildBody(request: ChatRequest): Record<string, unknown> {
    const system = systemPrompt(request.system, request.responseFormat);
    const maxTokens = request.maxTokens ?? config.maxTokens ?? DEFAULT_MAX_TOKENS;
    const budget = request.reasoningBudget ?? config.reasoningBudget;
    const body: Record<string, unknown> = { model: config.model, messages: request.messages };
    if (system) body.system = system;
    if (budget !== undefined && budget > 0) {
      const budgetTokens = Math.max(budget, MIN_THINKING_BUDGET);
      body.thinking = { type: 'enabled', budget_tokens: budgetTokens };
      // max_tokens counts thinking too and must exceed the budget; the answer keeps its own allowance.
      body.max_tokens = budgetTokens + maxTokens;
      // Extended thinking does not accept a temperature other than the default.
    } else {
      body.max_tokens = maxTokens;
      const temperature = request.temperature ?? config.temperature;
      if (temperature !== undefined) body.temperature = temperature;
    }
    return body;
  }

  async function complete(request: ChatRequest): Promise<ChatResult> {
    const startedAt = performance.now();
    const response = await transport.post('v1/messages', buildBody(request), request.signal);
    const parsed = messageSchema.safeParse(response.body);
    if (!parsed.success) {
      const problem = typeof response.body === 'string' ? 'not JSON' : `no ${parsed.error.issues[0]?.path.join('.') || 'content'} in the expected shape`;
      throw malformedResponseError(response, problem, transport.secrets);
    }
    const usage = parsed.data.usage;
    // Cached prompt tokens are billed differently; counting them as input keeps the cost an upper bound.
    const promptTokens = usage
      ? usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0)
      : 0;
    return chatResult({
      text: parsed.data.content
        .filter((block) => block.type === 'text')
        .map((block) => block.text ?? '')
        .join(''),
      usage: usage ? { promptTokens, completionTokens: usage.output_tokens, totalTokens: promptTokens + usage.output_tokens } : undefined,
      model: parsed.data.model ?? config.model,
      configuredModel: config.model,
      finishReason: parsed.data.stop_reason ?? undefined,
      raw: response.body,
      startedAt,
      price: config.price,
    });
  }

  return { provider: 'anthropic', model: config.model, complete, close: () => transport.close() };
}
