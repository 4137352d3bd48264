import { z } from 'zod';
import type { HttpResponse } from '../../protocol/http/index.js';
import { chatResult, systemPrompt } from './chat-result.js';
import { isBillingError, malformedResponseError, modelResponseError } from './model-errors.js';
import { createModelTransport } from './model-http.js';
import type { ChatRequest, ChatResult, ModelProvider, ProviderConfig } from './types.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          refusal: z.string().nullable().optional(),
        }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number().optional() })
    .nullable()
    .optional(),
});

/**
 * What this server accepts, learned from its 400s and kept for later calls: servers differ on
 * JSON mode, `max_tokens` vs `max_completion_tokens`, temperature and reasoning parameters.
 */
interface Compatibility {
  jsonMode: boolean;
  tokensParam: 'max_tokens' | 'max_completion_tokens';
  temperature: boolean;
  reasoning: boolean;
}

const MAX_LESSONS = 4;
const UNSUPPORTED = /unsupported|not supported|does not support|unrecognized|unknown|not allowed|not permitted/;

/** Adjusts `compat` for a parameter the server rejected; false when the rejection is about something else. */
function learnFromRejection(sent: Record<string, unknown>, response: HttpResponse, compat: Compatibility): boolean {
  if (![400, 422].includes(response.status) || isBillingError(response)) return false;
  const text = (typeof response.body === 'string' ? response.body : JSON.stringify(response.body)).toLowerCase();
  if ('response_format' in sent && /response_format|json_object|json mode/.test(text)) {
    compat.jsonMode = false;
    return true;
  }
  if (!UNSUPPORTED.test(text)) return false;
  if ('max_tokens' in sent && text.includes('max_tokens')) compat.tokensParam = 'max_completion_tokens';
  else if ('max_completion_tokens' in sent && text.includes('max_completion_tokens')) compat.tokensParam = 'max_tokens';
  else if ('temperature' in sent && text.includes('temperature')) compat.temperature = false;
  else if (('reasoning_effort' in sent || 'reasoning' in sent) && text.includes('reasoning')) compat.reasoning = false;
  else return false;
  return true;
}

/** OpenAI's effort levels from a token budget, for servers that take effort rather than tokens. */
function effortFor(budget: number): 'low' | 'medium' | 'high' {
  if (budget <= 2_048) return 'low';
  if (budget <= 8_192) return 'medium';
  return 'high';
}

/** Reasoning models served through llama.cpp/Ollama may inline their thinking; the answer follows it. */
function stripThinking(text: string): string {
  return text.replace(/^\s*<think>[\s\S]*?<\/think>\s*/, '');
}

/** Any OpenAI-compatible chat-completions endpoint: OpenAI, OpenRouter, vLLM, Ollama, llama.cpp, LM Studio. */
export function createOpenAiCompatibleProvider(config: ProviderConfig): ModelProvider {
  const baseUrl = config.baseUrl ?? OPENAI_DEFAULT_BASE_URL;
  const host = new URL(baseUrl).hostname;
  // Local servers need no key; sending an empty bearer would make some of them refuse.
  const transport = createModelTransport(config, baseUrl, config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {});
  const compat: Compatibility = {
    jsonMode: true,
    // OpenAI's reasoning models reject max_tokens; most other servers only know max_tokens.
    tokensParam: host === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens',
    temperature: true,
    reasoning: true,
  };

  function buildBody(request: ChatRequest): Record<string, unknown> {
    const system = systemPrompt(request.system, request.responseFormat);
    const body: Record<string, unknown> = {
      model: config.model,
      messages: [...(system ? [{ role: 'system', content: system }] : []), ...request.messages],
    };
    const maxTokens = request.maxTokens ?? config.maxTokens;
    if (maxTokens !== undefined) body[compat.tokensParam] = maxTokens;
    const temperature = request.temperature ?? config.temperature;
    if (temperature !== undefined && compat.temperature) body.temperature = temperature;
    if (request.responseFormat === 'json' && compat.jsonMode) body.response_format = { type: 'json_object' };
    const budget = request.reasoningBudget ?? config.reasoningBudget;
    if (budget !== undefined && budget > 0 && compat.reasoning) {
      if (host === 'openrouter.ai') body.reasoning = { max_tokens: budget };
      else body.reasoning_effort = effortFor(budget);
    }
    return body;
  }

  async function complete(request: ChatRequest): Promise<ChatResult> {
    const startedAt = performance.now();
    let response: HttpResponse;
    // Each lesson changes one parameter; a server that rejects every variant still ends the loop.
    for (let lessons = 0; ; lessons++) {
      const body = buildBody(request);
      response = await transport.post('chat/completions', body, request.signal, (r) => [400, 422].includes(r.status));
      if (response.status < 300) break;
      if (lessons >= MAX_LESSONS || !learnFromRejection(body, response, compat)) {
        throw modelResponseError(response, transport.secrets);
      }
    }
    const parsed = completionSchema.safeParse(response.body);
    if (!parsed.success) {
      const problem = typeof response.body === 'string' ? 'not JSON' : `no ${parsed.error.issues[0]?.path.join('.') || 'choices'} in the expected shape`;
      throw malformedResponseError(response, problem, transport.secrets);
    }
    const choice = parsed.data.choices[0];
    const usage = parsed.data.usage;
    return chatResult({
      text: stripThinking(choice?.message.content ?? ''),
      usage: usage
        ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens, totalTokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens }
        : undefined,
      model: parsed.data.model ?? config.model,
      configuredModel: config.model,
      finishReason: choice?.message.refusal ? 'refusal' : (choice?.finish_reason ?? undefined),
      raw: response.body,
      startedAt,
      price: config.price,
    });
  }

  return { provider: 'openai', model: config.model, complete, close: () => transport.close() };
}
