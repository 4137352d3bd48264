import { costUsd, findPrice } from './pricing.js';
import type { ChatResult, TokenPrice, TokenUsage } from './types.js';

export interface ResultParts {
  text: string;
  /** Undefined when the server reported none. */
  usage: TokenUsage | undefined;
  /** The model the server says answered, falling back to the configured one. */
  model: string;
  configuredModel: string;
  finishReason: string | undefined;
  raw: unknown;
  startedAt: number;
  price: TokenPrice | undefined;
}

/** Assembles a ChatResult with usage, cost and latency, the same way for every provider. */
export function chatResult(parts: ResultParts): ChatResult {
  const usage = parts.usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  const price = findPrice(parts.model, parts.price) ?? findPrice(parts.configuredModel);
  return {
    text: parts.text,
    usage,
    costUsd: parts.usage ? costUsd(usage, price) : undefined,
    latencyMs: Math.round(performance.now() - parts.startedAt),
    model: parts.model,
    ...(parts.finishReason !== undefined ? { finishReason: parts.finishReason } : {}),
    raw: parts.raw,
  };
}

/**
 * Asking for JSON in words as well as through the API: Anthropic has no JSON mode, local
 * servers may lack one, and OpenAI's JSON mode requires the word "JSON" in the messages.
 */
export function systemPrompt(system: string | undefined, responseFormat: 'json' | 'text' | undefined): string | undefined {
  if (responseFormat !== 'json') return system;
  const instruction = 'Respond with a single JSON object and nothing else (no prose, no code fences).';
  return system ? `${system}\n\n${instruction}` : instruction;
}
