// The client against coordinator behaviours the sandbox does not produce, over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyMessage, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { isMinerError, type MinerError } from '../../../src/errors.js';
import { createCoordinatorClient, isRigRefusedError } from '../../../src/protocol/index.js';
import { startScriptedServer, signInMessage, type ScriptedAnswer, type ScriptedServer } from './scripted-server.js';

// A throwaway key that only ever signs sign-in messages for these local servers.
const account = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const noSleep = async (): Promise<void> => undefined;

let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

async function failure(promise: Promise<unknown>): Promise<MinerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMinerError(error)) throw new Error(`expected a MinerError, got ${String(error)}`);
  return error;
}

describe('signing in with a hostile coordinator', () => {
  for (const [name, message] of [
    ['an extra line', (host: string) => signInMessage(host, account.address, { extra: 'Approve: 0x4242 unlimited' })],
    ['another action', (host: string) => signInMessage(host, account.address, { action: 'transfer_all' })],
    ['another domain', () => signInMessage('coordinator.agentmoney.net', account.address)],
    ['another address', (host: string) => signInMessage(host, '0x4242424242424242424242424242424242424242')],
  ] as const) {
    it(`refuses a message with ${name} and never calls verify`, async () => {
      server = await startScriptedServer((request) =>
        request.path === '/v1/auth/nonce'
          ? { status: 200, body: { miner: account.address, message: message(server!.host), signatureType: 'personal_sign' } }
          : { status: 500, body: { error: 'unexpected' } },
      );
      const client = createCoordinatorClient({ baseUrl: server.url, account, http: { sleep: noSleep } });
      const error = await failure(client.getChallenge());
      expect(error.code).toBe('AUTH_REFUSED');
      expect(error.shortMessage).toMatch(/^Refusing to sign/);
      expect(server.requests.map((r) => r.path)).toEqual(['/v1/auth/nonce']);
      await client.close();
    });
  }
});

describe('a coordinator with auth disabled', () => {
  it('is asked once (503 "auth disabled" is not retried) and then called without a bearer header', async () => {
    server = await startScriptedServer((request) => {
      if (request.path === '/v1/auth/nonce') return { status: 503, body: { error: 'auth_disabled', message: 'Auth disabled on this coordinator.' } };
      return { status: 200, body: { epochId: '7', creditsPerSolve: 100, challengeId: 'c' } };
    });
    const client = createCoordinatorClient({ baseUrl: server.url, account, http: { sleep: noSleep } });
    expect(await client.signIn('wallet')).toBeUndefined();
    // The challenge payload above is not a valid challenge: the call fails after sending.
    const error = await failure(client.getChallenge({ nonce: 'n1' }));
    expect(error.code).toBe('INVALID_PAYLOAD');
    const challenge = server.requests.find((r) => r.path === '/v1/challenge');
    expect(challenge?.headers.authorization).toBeUndefined();
    expect(server.requests.filter((r) => r.path === '/v1/auth/nonce')).toHaveLength(1);
    await client.close();
  });
});

describe('submitting on the wallet lane', () => {
  it('does not resend a submit whose connection dropped, and says the outcome is unknown', async () => {
    server = await startScriptedServer((request) => {
      if (request.path === '/v1/auth/nonce') return { status: 503, body: { error: 'auth disabled' } };
      if (request.path === '/v1/submit') return 'drop';
      return { status: 404, body: { error: 'not_found' } };
    });
    const client = createCoordinatorClient({ baseUrl: server.url, account, http: { sleep: noSleep } });
    const body = {
      miner: account.address,
      challengeId: 'c1',
      artifact: 'a',
      nonce: 'n',
      challengeManifestHash: '0x00',
      modelVersion: 'test',
      reasoningTrace: [],
      submittedAnswers: {},
    };
    const error = await failure(client.submitSolution(body));
    expect(error.code).toBe('COORDINATOR_UNAVAILABLE');
    expect(error.shortMessage).toMatch(/outcome is unknown/);
    expect(error.hint).toMatch(/same solution/);
    expect(server.requests.filter((r) => r.path === '/v1/submit')).toHaveLength(1);
    await client.close();
  });
});

const authDisabled: ScriptedAnswer = { status: 503, body: { error: 'auth disabled' } };
const submitBody = {
  miner: account.address,
  challengeId: 'c1',
  artifact: 'a',
  nonce: 'n',
  challengeManifestHash: '0x00',
  modelVersion: 'test',
  reasoningTrace: [],
  submittedAnswers: {},
};

describe('reading submit answers', () => {
  it('maps a single-pass failure to the failed constraint indices and a spent challenge', async () => {
    server = await startScriptedServer((r) => (r.path === '/v1/auth/nonce' ? authDisabled : { status: 200, body: { pass: false, failedConstraintIndices: [0, 6] } }));
    const client = createCoordinatorClient({ baseUrl: server.url, account, http: { sleep: noSleep } });
    expect(await client.submitSolution(submitBody)).toMatchObject({ kind: 'fail', mode: 'single-pass', failedConstraintIndices: [0, 6], retryAllowed: false });
    await client.close();
  });

  it('refuses a pass whose transaction carries a float value or a malformed target', async () => {
    const pass = { pass: true, receipt: {}, signature: '0x12', transaction: { to: '0x42', chainId: 8453, value: 0.5, data: '0x' } };
    server = await startScriptedServer((r) => (r.path === '/v1/auth/nonce' ? authDisabled : { status: 200, body: pass }));
    const client = createCoordinatorClient({ baseUrl: server.url, account, http: { sleep: noSleep } });
    const error = await failure(client.submitSolution(submitBody));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.shortMessage).toMatch(/transaction\.to/);
    expect(error.shortMessage).toMatch(/transaction\.value/);
    await client.close();
  });

  it('turns 403 "not staked" into NOT_ELIGIBLE with the staking hint', async () => {
    server = await startScriptedServer((r) =>
      r.path === '/v1/auth/nonce' ? authDisabled : { status: 403, body: { error: 'NOT_ELIGIBLE', message: 'no eligible stake' } },
    );
    const client = createCoordinatorClient({ baseUrl: server.url, account, http: { sleep: noSleep } });
    const error = await failure(client.getChallenge());
    expect(error.code).toBe('NOT_ELIGIBLE');
    expect(error.hint).toMatch(/stake/);
    await client.close();
  });
});

describe('rig lane refusals and polling', () => {
  it('does not retry a 503 EPOCH_COMMIT_MISSING and reports it as "retry later"', async () => {
    server = await startScriptedServer((r) =>
      r.path === '/v1/auth/nonce'
        ? authDisabled
        : { status: 503, body: { error: 'EPOCH_COMMIT_MISSING', message: 'epoch 9 has no commit yet', retryAfterSeconds: 120 } },
    );
    const client = createCoordinatorClient({ baseUrl: server.url, account, http: { sleep: noSleep } });
    const error = await failure(client.getRigChallenge({ rigId: 3n }));
    expect(isRigRefusedError(error)).toBe(true);
    expect(error).toMatchObject({ refusal: 'EPOCH_COMMIT_MISSING', next: 'retry_later', retryAfterMs: 120_000 });
    expect(server.requests.filter((r) => r.path === '/v1/rig/challenge')).toHaveLength(1);
    await client.close();
  });

  it('polls until a terminal status, waiting what Retry-After asks', async () => {
    const statuses = ['queued', 'processing', 'rejected'];
    server = await startScriptedServer((r) => {
      if (r.path === '/v1/auth/nonce') return authDisabled;
      const status = statuses.shift() ?? 'rejected';
      const terminal = status === 'rejected';
      return {
        status: 200,
        headers: terminal ? {} : { 'retry-after': status === 'queued' ? '2' : '5' },
        body: { attemptId: 'a1', status, ...(terminal ? { code: 'RIG_CHAIN_POSITION_CHANGED', message: 'cursor moved' } : {}) },
      };
    });
    const waits: number[] = [];
    const client = createCoordinatorClient({
      baseUrl: server.url,
      account,
      http: { sleep: async (ms) => void waits.push(ms) },
    });
    const outcome = await client.pollAttempt('a1');
    expect(outcome).toMatchObject({ status: 'rejected', code: 'RIG_CHAIN_POSITION_CHANGED', next: 'fresh_work' });
    expect(waits).toEqual([2_000, 5_000]);
    expect(server.requests.filter((r) => r.path === '/v1/rig/attempt/a1').every((r) => r.query.get('operator') === account.address)).toBe(true);
    await client.close();
  });

  it('gives up polling after maxWaitMs with a hint not to resubmit', async () => {
    server = await startScriptedServer((r) => (r.path === '/v1/auth/nonce' ? authDisabled : { status: 200, body: { attemptId: 'a2', status: 'queued' } }));
    let now = 0;
    const client = createCoordinatorClient({
      baseUrl: server.url,
      account,
      now: () => now,
      http: {
        sleep: async (ms) => {
          now += ms;
        },
      },
    });
    const error = await failure(client.pollAttempt('a2', { maxWaitMs: 10_000, intervalMs: 3_000 }));
    expect(error.shortMessage).toMatch(/still "queued"/);
    expect(error.hint).toMatch(/do not resubmit/);
    expect(server.requests.filter((r) => r.path === '/v1/rig/attempt/a2')).toHaveLength(4);
    await client.close();
  });
});

describe('signing in and a token the coordinator keeps refusing', () => {
  it('signs the message with personal_sign, sends `miner` as the message writes it, and stops after one re-auth', async () => {
    const verified: boolean[] = [];
    server = await startScriptedServer(async (r) => {
      if (r.path === '/v1/auth/nonce') {
        return { status: 200, body: { message: signInMessage(server!.host, account.address), nonce: '0123456789abcdef0123456789abcdef' } };
      }
      if (r.path === '/v1/auth/verify') {
        const body = r.body as { miner: string; message: string; signature: Hex; lane?: string };
        verified.push(body.miner === account.address.toLowerCase() && body.lane === 'rig');
        verified.push(await verifyMessage({ address: account.address, message: body.message, signature: body.signature }));
        return { status: 200, body: { token: `t${verified.length}`, tokenType: 'Bearer', expiresInSeconds: 600, lane: 'rig' } };
      }
      return { status: 401, body: { error: 'invalid_token' } };
    });
    const client = createCoordinatorClient({ baseUrl: server.url, account, http: { sleep: noSleep } });
    const error = await failure(client.getRigChallenge({ rigId: '5' }));
    expect(error.code).toBe('AUTH_REFUSED');
    expect(error.shortMessage).toMatch(/freshly issued rig-lane token/);
    expect(verified).toEqual([true, true, true, true]);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/v1/auth/nonce',
      '/v1/auth/verify',
      '/v1/rig/challenge',
      '/v1/auth/nonce',
      '/v1/auth/verify',
      '/v1/rig/challenge',
    ]);
    expect(server.requests.filter((r) => r.path === '/v1/rig/challenge').map((r) => r.headers.authorization)).toEqual(['Bearer t2', 'Bearer t4']);
    await client.close();
  });
});
