/** Model providers: one interface over OpenAI-compatible chat completions and Anthropic Messages. */
export { createProvider } from './create-provider.js';
export { createOpenAiCompatibleProvider, OPENAI_DEFAULT_BASE_URL } from './openai-compatible.js';
export { createAnthropicProvider, ANTHROPIC_DEFAULT_BASE_URL } from './anthropic.js';
export { findPrice, costUsd } from './pricing.js';
export { isBillingError } from './model-errors.js';
export type { ChatMessage, ChatRequest, ChatResult, ModelProvider, ProviderConfig, ProviderKind, TokenPrice, TokenUsage } from './types.js';
