/**
 * The answer-key replay: an OpenAI-compatible `/v1/chat/completions` server on 127.0.0.1 that
 * answers the solver's prompts from the sandbox answer key. It is a replay of the key, NOT a
 * model: it reads the declared `Response-Schema`, `Challenge-Id` and `Attempt` header lines
 * and returns what a perfect reader would (or, with faults, what a flawed model or a flaky API
 * would). Replies say `model: "answer-key-replay"`, carry token counts estimated from text
 * length, and cost nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { FaultScheduler, type FaultKind, type FaultPlan, type FaultRule } from './faults.js';
import type { AnswerKeyLookup } from './lookup.js';
import { readRequest } from './request.js';
import { replyFor } from './responders.js';

export const REPLAY_MODEL = 'answer-key-replay';
export const REPLAY_LABEL = 'answer-key replay: answers from the sandbox answer key; it is not a language model and measures nothing about solving';

export interface AnswerKeyModelOptions {
  lookup: AnswerKeyLookup;
  faults?: FaultPlan;
  /** Default 0 (a free port). */
  port?: number;
}

/** One request the replay answered, for tests and demos. */
export interface ReplayCall {
  schema: string | undefined;
  challengeId: string | undefined;
  attempt: number | undefined;
  faults: FaultKind[];
  status: number;
}

export interface AnswerKeyModel {
  /** `http://127.0.0.1:<port>` — chat completions are served under it and under `/v1`. */
  url: string;
  /** `<url>/v1`, the base URL an OpenAI-compatible provider takes. */
  baseUrl: string;
  model: typeof REPLAY_MODEL;
  calls: ReplayCall[];
  describe(): { kind: 'answer-key-replay'; label: string; model: string; baseUrl: string; faults: FaultRule[] };
  stop(): Promise<void>;
}

/** Rough tokens for a text: ~4 characters a token, as tokenizers average on English prose. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function promptText(body: unknown): string {
  const messages = (body as { messages?: Array<{ content?: unknown }> } | undefined)?.messages ?? [];
  return messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function apiError(message: string, type: string): { error: { message: string; type: string; param: null; code: null } } {
  return { error: { message, type, param: null, code: null } };
}

function completion(text: string, prompt: string, finishReason: string): Record<string, unknown> {
  const promptTokens = estimateTokens(prompt);
  const completionTokens = estimateTokens(text);
  return {
    id: `chatcmpl-replay-${Date.now().toString(36)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: REPLAY_MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: finishReason }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function startAnswerKeyModel(options: AnswerKeyModelOptions): Promise<AnswerKeyModel> {
  const scheduler = new FaultScheduler(options.faults);
  const calls: ReplayCall[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
      send(res, 404, apiError(`answer-key replay serves POST /v1/chat/completions only, not ${req.method} ${path}`, 'invalid_request_error'));
      return;
    }
    const body = await readBody(req);
    const request = readRequest(body);
    const fired = scheduler.fire({ schema: request.schema, attempt: request.attempt });
    const kinds = new Set(fired.map((r) => r.fault));
    const record = (status: number): void => {
      calls.push({ schema: request.schema, challengeId: request.challengeId, attempt: request.attempt, faults: [...kinds], status });
    };
    const slow = fired.find((r) => r.fault === 'slow');
    if (slow) await delay(slow.delayMs ?? 2000);
    const limited = fired.find((r) => r.fault === 'http_429');
    if (limited) {
      record(429);
      send(res, 429, apiError('answer-key replay: simulated rate limit', 'rate_limit_exceeded'), { 'retry-after': String(limited.retryAfterSeconds ?? 1) });
      return;
    }
    if (kinds.has('http_500')) {
      record(500);
      send(res, 500, apiError('answer-key replay: simulated server error', 'server_error'));
      return;
    }
    const entry = request.challengeId ? await options.lookup(request.challengeId) : undefined;
    const reply = entry ? replyFor(entry, request, kinds) : undefined;
    if (!reply) {
      record(400);
      const why = !request.challengeId ? 'the prompt has no Challenge-Id line' : !entry ? `no answer key for challenge ${request.challengeId}` : `unknown Response-Schema ${request.schema ?? '(none)'}`;
      send(res, 400, apiError(`answer-key replay: ${why}`, 'invalid_request_error'));
      return;
    }
    let text = JSON.stringify(reply);
    let finish = 'stop';
    if (kinds.has('non_json')) text = 'Certainly. After reading the document carefully, I believe the answers are as discussed above; let me know if you need more detail.';
    else if (kinds.has('truncated')) {
      text = text.slice(0, Math.floor(text.length / 2));
      finish = 'length';
    }
    record(200);
    send(res, 200, completion(text, promptText(body), finish));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, apiError(`answer-key replay failed: ${error instanceof Error ? error.message : String(error)}`, 'server_error'));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    model: REPLAY_MODEL,
    calls,
    describe: () => ({ kind: 'answer-key-replay', label: REPLAY_LABEL, model: REPLAY_MODEL, baseUrl: `${url}/v1`, faults: options.faults?.rules ?? [] }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
