/**
 * Stand-in for a paid external model API — the project's one allowed test double. A real
 * loopback HTTP server (see scripted-http-server.ts) plus builders for replies in the OpenAI
 * chat-completions and Anthropic Messages wire formats, including their error bodies.
 */
import { afterEach, beforeEach } from 'vitest';
import { createProvider } from '../../src/solver/providers/create-provider.js';
import type { ModelProvider, ProviderConfig } from '../../src/solver/providers/types.js';
import { startScriptedServer, type ScriptedReply, type ScriptedServer } from './scripted-http-server.js';

export type { ScriptedReply, ScriptedServer };

export interface Usage {
  input: number;
  output: number;
}

/** Starts the stand-in. Unscripted requests get a 500 so a missing script is loud. */
export function startModelApiStandIn(): Promise<ScriptedServer> {
  return startScriptedServer(() => ({ status: 500, body: { error: { message: 'stand-in: no reply scripted' } } }));
}

/** A fresh stand-in for each test of a file, and the provider under test against it. */
export interface ProviderStandIn {
  api: ScriptedServer;
  /** The provider's backoff waits, recorded instead of slept. */
  sleeps: number[];
  /** Creates the provider under test (closed after the test), `overrides` on top of `defaults`. */
  provider(overrides?: Partial<ProviderConfig>): ModelProvider;
}

/** Registers the per-test lifecycle: a new stand-in before each test, provider and stand-in closed after. */
export function useProviderStandIn(defaults: (api: ScriptedServer) => ProviderConfig): ProviderStandIn {
  let current: ModelProvider | undefined;
  const standIn: ProviderStandIn = {
    api: undefined as unknown as ScriptedServer,
    sleeps: [],
    provider(overrides = {}) {
      current = createProvider({
        ...defaults(standIn.api),
        sleep: async (ms) => {
          standIn.sleeps.push(ms);
        },
        ...overrides,
      });
      return current;
    },
  };
  beforeEach(async () => {
    standIn.api = await startModelApiStandIn();
    standIn.sleeps = [];
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
    await standIn.api.close();
  });
  return standIn;
}

/** A chat.completion object as OpenAI-compatible servers return it. */
export function openAiCompletion(options: { text: string | null; model?: string; usage?: Usage | null; finishReason?: string; refusal?: string }): ScriptedReply {
  const usage = options.usage === undefined ? { input: 100, output: 20 } : options.usage;
  return {
    status: 200,
    body: {
      id: 'chatcmpl-standin',
      object: 'chat.completion',
      created: 1_763_000_000,
      model: options.model ?? 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: options.text, refusal: options.refusal ?? null },
          finish_reason: options.finishReason ?? 'stop',
        },
      ],
      ...(usage ? { usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } } : {}),
    },
  };
}

/** OpenAI's error body: `{error: {message, type, param, code}}`. */
export function openAiError(status: number, error: { message: string; type?: string; code?: string | null; param?: string | null }, headers?: Record<string, string>): ScriptedReply {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: { error: { message: error.message, type: error.type ?? 'invalid_request_error', param: error.param ?? null, code: error.code ?? null } },
  };
}

/** A Messages API response with text (and optionally thinking) content blocks. */
export function anthropicMessage(options: { text: string; model?: string; usage?: Usage; thinking?: string; stopReason?: string }): ScriptedReply {
  const usage = options.usage ?? { input: 120, output: 30 };
  return {
    status: 200,
    body: {
      id: 'msg_standin',
      type: 'message',
      role: 'assistant',
      model: options.model ?? 'claude-sonnet-4-5-20250929',
      content: [
        ...(options.thinking ? [{ type: 'thinking', thinking: options.thinking, signature: 'sig' }] : []),
        { type: 'text', text: options.text },
      ],
      stop_reason: options.stopReason ?? 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: usage.input, output_tokens: usage.output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    },
  };
}

/** Anthropic's error body: `{type: 'error', error: {type, message}}`. */
export function anthropicError(status: number, type: string, message: string, headers?: Record<string, string>): ScriptedReply {
  return { status, ...(headers ? { headers } : {}), body: { type: 'error', error: { type, message } } };
}
