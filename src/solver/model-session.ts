/**
 * The model calls of one solve: every call is recorded (`onModelCall`) and counted (tokens,
 * cost), and a JSON call gets exactly one "reply again with valid JSON" retry before it fails
 * with a clear error. Nothing in a reply is acted on beyond the declared schema's fields.
 */
import type { z } from 'zod';
import { MinerError, isMinerError } from '../errors.js';
import { extractJsonObject } from './json-output.js';
import { promptHeader, renderPrompt } from './prompts/render.js';
import type { ChatMessage, ChatResult, ModelProvider } from './providers/types.js';
import type { SchemaId } from './schemas.js';
import type { SolveDeps, SolveOutcome } from './strategy.js';

export interface JsonCall<T> {
  schemaId: SchemaId;
  schema: z.ZodType<T>;
  /** Conversation so far, ending with the user message carrying the prompt. */
  messages: ChatMessage[];
  challengeId: string;
  attempt: number;
  maxTokens?: number;
}

export interface JsonReply<T> {
  value: T;
  /** The conversation including the reply, for a follow-up turn. */
  messages: ChatMessage[];
}

export type Totals = Pick<SolveOutcome, 'modelCalls' | 'costUsd' | 'promptTokens' | 'completionTokens'>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** The reply's declared JSON, or what is wrong with it (said so the model can fix it). */
function readReply<T>(result: ChatResult, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; problem: string } {
  if (result.finishReason === 'refusal') return { ok: false, problem: 'the model refused' };
  const extracted = extractJsonObject(result.text);
  if (!extracted.ok) {
    const cut = result.finishReason === 'length' || result.finishReason === 'max_tokens';
    return { ok: false, problem: cut ? `${extracted.problem}; the reply hit the token limit` : extracted.problem };
  }
  const parsed = schema.safeParse(extracted.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: `the JSON does not match the schema (${describeIssues(parsed.error)})` };
}

export class ModelSession {
  readonly totals: Totals = { modelCalls: 0, costUsd: 0, promptTokens: 0, completionTokens: 0 };
  private readonly provider: ModelProvider;
  private readonly system = renderPrompt('system');

  constructor(
    private readonly deps: SolveDeps,
    private readonly signal: AbortSignal | undefined,
    strategy: string,
  ) {
    if (!deps.provider) {
      throw new MinerError('CONFIG', `The ${strategy} strategy needs a model, and none is configured.`, {
        hint: 'Configure a model provider (BOTCOIN_PROVIDER, BOTCOIN_MODEL), or use --strategy agent to answer yourself.',
      });
    }
    this.provider = deps.provider;
  }

  async chat(messages: ChatMessage[], maxTokens?: number): Promise<ChatResult> {
    const request = {
      system: this.system,
      messages,
      responseFormat: 'json' as const,
      ...(maxTokens ? { maxTokens } : {}),
      ...(this.signal ? { signal: this.signal } : {}),
    };
    this.totals.modelCalls += 1;
    let result: ChatResult;
    try {
      result = await this.provider.complete(request);
    } catch (error) {
      await this.record(messages, undefined, error);
      throw error;
    }
    this.totals.promptTokens += result.usage.promptTokens;
    this.totals.completionTokens += result.usage.completionTokens;
    this.totals.costUsd += result.costUsd ?? 0;
    await this.record(messages, result);
    return result;
  }

  /** One call, parsed against `schema`; a reply that is not that JSON gets one retry. */
  async json<T>(call: JsonCall<T>): Promise<JsonReply<T>> {
    let messages = call.messages;
    let problem = '';
    for (let round = 0; round < 2; round += 1) {
      const result = await this.chat(messages, call.maxTokens);
      const conversation: ChatMessage[] = [...messages, { role: 'assistant', content: result.text }];
      const read = readReply(result, call.schema);
      if (read.ok) return { value: read.value, messages: conversation };
      problem = read.problem;
      const retry = renderPrompt('json-retry', { header: promptHeader(call.schemaId, call.challengeId, call.attempt), problem, schema: call.schemaId });
      messages = [...conversation, { role: 'user', content: retry }];
    }
    throw new MinerError('UNSOLVED', `The model did not return the ${call.schemaId} JSON the solver asked for, even when asked again.`, {
      details: problem,
      hint: 'Try a stronger model, raise the max-tokens setting if replies are cut off, or use the agent strategy.',
    });
  }

  private async record(messages: ChatMessage[], result: ChatResult | undefined, error?: unknown): Promise<void> {
    if (!this.deps.onModelCall) return;
    const message = error === undefined ? undefined : isMinerError(error) ? error.shortMessage : error instanceof Error ? error.message : String(error);
    await this.deps.onModelCall({
      provider: this.provider.provider,
      model: result?.model ?? this.provider.model,
      system: this.system,
      messages,
      response: result?.text ?? '',
      usage: result?.usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      costUsd: result?.costUsd,
      latencyMs: result?.latencyMs ?? 0,
      finishReason: result?.finishReason,
      ...(message !== undefined ? { error: message } : {}),
    });
  }
}
