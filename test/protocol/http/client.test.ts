import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/protocol/http/client.js';
import type { HttpClient, HttpClientOptions, RetryEvent } from '../../../src/protocol/http/types.js';
import { VERSION } from '../../../src/version.js';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-http-server.js';
import { rejection } from '../../support/rejection.js';

let server: ScriptedServer;
let client: HttpClient | undefined;
let sleeps: number[];
let retries: RetryEvent[];

beforeEach(async () => {
  server = await startScriptedServer();
  sleeps = [];
  retries = [];
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await server.close();
});

/** A client that records its waits instead of sleeping, with no jitter. */
function makeClient(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  client = createHttpClient({
    baseUrl: `${server.url}/api`,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    onRetry: (event) => retries.push(event),
    ...overrides,
  });
  return client;
}

describe('createHttpClient', () => {
  it('sends JSON with a real User-Agent and returns the parsed JSON body', async () => {
    server.reply({ status: 200, body: { ok: true, epochId: '171' }, headers: { 'x-request-id': 'abc' } });
    const response = await makeClient().post('/v1/auth/nonce', { body: { miner: '0xabc' }, query: { lane: 'rig' } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, epochId: '171' });
    expect(response.headers['x-request-id']).toBe('abc');
    expect(response.attempts).toBe(1);
    const sent = server.requests[0];
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/api/v1/auth/nonce');
    expect(sent?.query.get('lane')).toBe('rig');
    expect(sent?.json).toEqual({ miner: '0xabc' });
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['user-agent']).toBe(
      `botcoin-miner/${VERSION} (node ${process.versions.node}; ${process.platform} ${process.arch})`,
    );
  });

  it('returns a text body as text', async () => {
    server.reply({ status: 200, body: '# skill\nGET /v1/challenge', headers: { 'content-type': 'text/markdown' } });
    const response = await makeClient().get('/.well-known/skill.md');
    expect(response.body).toBe('# skill\nGET /v1/challenge');
  });

  it('passes the Idempotency-Key through and reuses it on every retry', async () => {
    server.reply({ status: 503 }, { status: 202, body: { attempt: { attemptId: 'a1' } } });
    const response = await makeClient().post('/v1/rig/submit', { body: { rigId: '7' }, idempotencyKey: 'key-123' });
    expect(response.status).toBe(202);
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['key-123', 'key-123']);
  });

  it('retries 5xx with the schedule and then returns the success', async () => {
    server.reply({ status: 500 }, { status: 502, body: '<html>bad gateway</html>' }, { status: 200, body: { epochId: '9' } });
    const response = await makeClient().get('/v1/epoch');
    expect(response.body).toEqual({ epochId: '9' });
    expect(response.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([2_000, 4_000]);
    expect(retries.map((r) => [r.attempt, r.status])).toEqual([
      [1, 500],
      [2, 502],
    ]);
  });

  it('waits at least Retry-After or retryAfterSeconds, whichever is larger', async () => {
    server.reply(
      { status: 429, headers: { 'retry-after': '9' }, body: { error: 'rate_limited', retryAfterSeconds: 3 } },
      { status: 429, headers: { 'retry-after': '1' }, body: { error: 'rate_limited', retryAfterSeconds: 12 } },
      { status: 200, body: {} },
    );
    await makeClient().get('/v1/challenge');
    expect(sleeps).toEqual([9_000, 12_000]);
  });

  it('gives up after the attempt bound with an error naming the URL (no query) and the status', async () => {
    const fallbackServer = server;
    await fallbackServer.close();
    server = await startScriptedServer(() => ({ status: 503, body: { error: 'maintenance', message: 'back soon' } }));
    const error = await rejection(
      makeClient({ retry: { maxAttempts: 4 } }).get('/v1/challenge', { query: { miner: '0xabc', nonce: 'secret-nonce' } }),
    );
    expect(server.requests).toHaveLength(4);
    expect(error.code).toBe('COORDINATOR_UNAVAILABLE');
    expect(error.shortMessage).toContain(`${server.url}/api/v1/challenge`);
    expect(error.shortMessage).toContain('503');
    expect(error.shortMessage).toContain('4 attempts');
    expect(error.details).toContain('maintenance: back soon');
    expect(error.hint).toMatch(/COORDINATOR_URL/);
    expect(error.message).not.toContain('secret-nonce');
    expect(sleeps).toHaveLength(3);
  });

  it('reports persistent 429 as RATE_LIMITED', async () => {
    await server.close();
    server = await startScriptedServer(() => ({ status: 429, body: { error: 'rate_limited' } }));
    const error = await rejection(makeClient({ retry: { maxAttempts: 2 } }).get('/v1/credits'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.shortMessage).toContain('429');
    expect(server.requests).toHaveLength(2);
  });

  it('does not sleep for an hour when the server asks to: it says when to come back', async () => {
    server.reply({ status: 429, headers: { 'retry-after': '3600' } });
    const error = await rejection(makeClient().get('/v1/challenge'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.shortMessage).toContain('3600 s');
    expect(error.hint).toMatch(/^Try again after \d{4}-/);
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('returns non-retryable statuses to the caller without retrying', async () => {
    server.reply({ status: 409, body: { error: 'challenge_manifest_mismatch' } });
    const response = await makeClient().post('/v1/submit', { body: {} });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ error: 'challenge_manifest_mismatch' });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a connection the server drops, and a body cut off half-way', async () => {
    server.reply({ destroy: true }, { status: 200, body: { long: 'x'.repeat(2_000) }, truncate: true }, { status: 200, body: { ok: 1 } });
    const response = await makeClient().get('/health');
    expect(response.body).toEqual({ ok: 1 });
    expect(server.requests).toHaveLength(3);
    expect(retries).toHaveLength(2);
    expect(retries.every((r) => r.status === undefined)).toBe(true);
  });

  it('retries a timed-out attempt, and reports persistent timeouts clearly', async () => {
    server.reply({ status: 200, body: {}, delayMs: 1_500 }, { status: 200, body: { late: false } });
    const response = await makeClient({ timeoutMs: 200 }).get('/v1/epoch');
    expect(response.body).toEqual({ late: false });
    expect(retries[0]?.reason).toMatch(/Timeout/);

    server.reply({ delayMs: 1_500 }, { delayMs: 1_500 });
    const error = await rejection(makeClient({ timeoutMs: 200, retry: { maxAttempts: 2 } }).get('/v1/epoch'));
    expect(error.code).toBe('COORDINATOR_UNAVAILABLE');
    expect(error.shortMessage).toMatch(/after 2 attempts: no response within .* \(timeout\)/);
  });

  it('retries a refused connection, then fails naming the URL', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const error = await rejection(makeClient({ baseUrl: `http://127.0.0.1:${port}`, retry: { maxAttempts: 3 } }).get('/health'));
    expect(error.code).toBe('COORDINATOR_UNAVAILABLE');
    expect(error.shortMessage).toContain(`http://127.0.0.1:${port}/health`);
    expect(error.shortMessage).toContain('ECONNREFUSED');
    expect(sleeps).toHaveLength(2);
  });

  it('stops at once when the caller aborts while waiting to retry', async () => {
    const controller = new AbortController();
    server.reply({ status: 503 }, { status: 200 });
    const aborting = createHttpClient({
      baseUrl: server.url,
      retry: { delaysMs: [60_000] },
      onRetry: () => controller.abort(),
    });
    client = aborting;
    const outcome = await aborting.get('/v1/epoch', { signal: controller.signal }).then(
      () => 'resolved',
      (e: unknown) => (e as Error).name,
    );
    expect(outcome).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('keeps credential headers out of errors even when the server echoes them', async () => {
    await server.close();
    server = await startScriptedServer((request) => ({
      status: 500,
      body: { error: 'internal', message: `bad token ${String(request.headers.authorization)}` },
    }));
    const token = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLXZhbHVl.sig';
    const error = await rejection(
      makeClient({ headers: { Authorization: `Bearer ${token}` }, retry: { maxAttempts: 2 } }).get('/v1/challenge'),
    );
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(error.details).toContain('[redacted]');
    expect(JSON.stringify(error.toJSON())).not.toContain(token);
    expect(error.message).not.toContain(token);
  });
});
