import type { RetryEvent, RetryPolicy, Sleep } from '../../protocol/http/index.js';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  system?: string;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  /** 'json' asks for a single JSON object (native JSON mode where the server has one). */
  responseFormat?: 'json' | 'text';
  /** Thinking/reasoning token budget, where the model supports one. */
  reasoningBudget?: number;
  signal?: AbortSignal;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ChatResult {
  /** The answer text; empty when the model stopped before answering (see `finishReason`). */
  text: string;
  /** Zeros when the server reported no usage (some local servers). */
  usage: TokenUsage;
  /** Undefined when the model has no known price or the server reported no usage. */
  costUsd: number | undefined;
  latencyMs: number;
  model: string;
  /** As the server said it (`stop`, `length`, `end_turn`, `max_tokens`…), or `refusal`. */
  finishReason?: string;
  raw?: unknown;
}

export interface ModelProvider {
  readonly provider: ProviderKind;
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatResult>;
  /** Closes keep-alive connections. */
  close(): Promise<void>;
}

export type ProviderKind = 'openai' | 'anthropic';

/** USD per million tokens. */
export interface TokenPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

export interface ProviderConfig {
  provider: ProviderKind;
  baseUrl?: string;
  apiKey?: string;
  model: string;
  /** Per-attempt timeout in ms (default 180 s; reasoning models are slow). */
  timeoutMs?: number;
  temperature?: number;
  maxTokens?: number;
  reasoningBudget?: number;
  /** Overrides the price table, e.g. `{inputPerMTok: 0, outputPerMTok: 0}` for a local server. */
  price?: TokenPrice;
  retry?: Partial<RetryPolicy>;
  onRetry?: (event: RetryEvent) => void;
  sleep?: Sleep;
}
