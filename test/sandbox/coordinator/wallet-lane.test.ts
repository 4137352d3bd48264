import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventLog, type Hex } from 'viem';
import { sandboxMiningAbi } from '../../../src/sandbox/contracts/index.js';
import { startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';
import { call, signIn } from './http.js';

describe('wallet lane over HTTP against anvil', () => {
  let net: SandboxNetwork;
  let url: string;
  let token: string;
  let miner: string;

  beforeAll(async () => {
    net = await startSandboxNetwork();
    url = net.coordinator.url;
    miner = net.miner.walletClient.account.address;
    token = (await signIn(url, net.miner)).token;
  });
  afterAll(async () => net?.stop());

  const challenge = (nonce: string) => call(`${url}/v1/challenge?miner=${miner}&nonce=${nonce}`, { token });
  const submit = (payload: Record<string, unknown>, solution: Record<string, unknown>, nonce: string, overrides: Record<string, unknown> = {}) =>
    call(`${url}/v1/submit`, {
      token,
      body: {
        miner,
        challengeId: payload.challengeId,
        nonce,
        challengeManifestHash: payload.challengeManifestHash,
        modelVersion: 'reference-solver',
        ...solution,
        ...overrides,
      },
    });

  it('passes the reference solution and the broadcast receipt earns CreditAccepted on chain', async () => {
    const issued = await challenge('flow-1');
    expect(issued.status).toBe(200);
    const payload = issued.body;
    expect(payload).toMatchObject({ epochId: expect.any(String), solveIndex: '0', creditsPerSolve: 100 });
    expect(payload.prevReceiptHash).toBe(`0x${'0'.repeat(64)}`);

    const { solution } = net.answerKeyOf(String(payload.challengeId));
    const passed = await submit(payload, solution as unknown as Record<string, unknown>, 'flow-1');
    expect(passed.status).toBe(200);
    expect(passed.body.pass).toBe(true);
    const tx = passed.body.transaction as { to: string; chainId: number; value: string; data: Hex };
    expect(tx).toMatchObject({ to: net.contracts.mining, chainId: net.anvil.chainId, value: '0' });
    expect(tx.data.slice(0, 10)).toBe('0xa7a1566f');
    expect((passed.body.receipt as { miner: string }).miner.toLowerCase()).toBe(miner.toLowerCase());
    // A lost response is recovered by resubmitting the same solve: the same receipt comes back.
    const again = await submit(payload, solution as unknown as Record<string, unknown>, 'flow-1');
    expect(again.body.signature).toBe(passed.body.signature);

    const hash = await net.miner.walletClient.sendTransaction({ to: tx.to as Hex, data: tx.data, value: 0n });
    const receipt = await net.miner.publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    const events = receipt.logs.map((log) => decodeEventLog({ abi: sandboxMiningAbi, data: log.data, topics: log.topics }));
    const accepted = events.find((e) => e.eventName === 'CreditAccepted');
    expect(accepted?.args).toMatchObject({ miner, solveIndex: 0n, creditsEarned: 100n, challengeId: payload.challengeId });

    // The cursor moved: the next challenge for the same nonce is a new one at solveIndex 1.
    const next = await challenge('flow-1');
    expect(next.body.solveIndex).toBe('1');
    expect(next.body.challengeId).not.toBe(payload.challengeId);
    const stale = await submit(payload, solution as unknown as Record<string, unknown>, 'flow-1');
    expect(stale.status).toBe(404);
  });

  it('answers the same request with byte-identical challenge bytes, and a new nonce with a new challenge', async () => {
    const a = await challenge('same-nonce');
    const b = await challenge('same-nonce');
    const c = await challenge('other-nonce');
    expect(a.status).toBe(200);
    expect(b.text).toBe(a.text);
    expect(c.body.challengeId).not.toBe(a.body.challengeId);
  });

  it('reports a failed attempt with counts only, refuses a fourth attempt, and refuses a changed manifest hash', async () => {
    const payload = (await challenge('fail-1')).body;
    const { solution } = net.answerKeyOf(String(payload.challengeId));
    const wrong = { ...solution, artifact: 'wrong words here' } as unknown as Record<string, unknown>;

    const mismatch = await submit(payload, wrong, 'fail-1', { challengeManifestHash: `0x${'1'.repeat(64)}` });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error).toBe('challenge_manifest_mismatch');

    for (let attempt = 1; attempt <= 3; attempt++) {
      const failed = await submit(payload, wrong, 'fail-1');
      expect(failed.status).toBe(200);
      expect(Object.keys(failed.body).sort()).toEqual(
        [
          'attemptsRemaining',
          'attemptsUsed',
          'constraintsPassed',
          'constraintsTotal',
          'pass',
          'questionAnswersCorrect',
          'questionAnswersRequired',
          'questionAnswersTotal',
          'retryAllowed',
          'retryInstructions',
        ].sort(),
      );
      expect(failed.body).toMatchObject({
        pass: false,
        attemptsUsed: attempt,
        attemptsRemaining: 3 - attempt,
        retryAllowed: attempt < 3,
        constraintsTotal: 8,
        questionAnswersCorrect: 10,
        questionAnswersTotal: 10,
        questionAnswersRequired: 6,
      });
      expect(failed.body.constraintsPassed as number).toBeLessThan(8);
      expect(failed.text).not.toMatch(/indices|expected|failedConstraint/i);
    }
    const fourth = await submit(payload, solution as unknown as Record<string, unknown>, 'fail-1');
    expect(fourth.status).toBe(409);
    expect(fourth.body.error).toBe('session_exhausted');
  });

  it('refuses a challenge to an unstaked wallet and to a token of another wallet', async () => {
    const stranger = net.wallet(5);
    const strangerToken = (await signIn(url, stranger)).token;
    const refused = await call(`${url}/v1/challenge?miner=${stranger.walletClient.account.address}&nonce=x`, { token: strangerToken });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('NOT_ELIGIBLE');
    const foreign = await call(`${url}/v1/challenge?miner=${miner}&nonce=x`, { token: strangerToken });
    expect(foreign.status).toBe(403);
  });
});

describe('wallet lane multi-pass session expiry', () => {
  let net: SandboxNetwork;
  afterAll(async () => net?.stop());

  it('refuses an attempt after the session expired with 409 session_expired', async () => {
    net = await startSandboxNetwork({ rigs: 0, coordinator: { session: { ttlSeconds: 1 } } });
    const url = net.coordinator.url;
    const miner = net.miner.walletClient.account.address;
    const { token } = await signIn(url, net.miner);
    const payload = (await call(`${url}/v1/challenge?miner=${miner}&nonce=exp`, { token })).body;
    const { solution } = net.answerKeyOf(String(payload.challengeId));
    const body = { miner, challengeId: payload.challengeId, nonce: 'exp', challengeManifestHash: payload.challengeManifestHash, modelVersion: 'x' };
    const first = await call(`${url}/v1/submit`, { token, body: { ...body, ...solution, artifact: 'nope' } });
    expect(first.body).toMatchObject({ pass: false, attemptsUsed: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const late = await call(`${url}/v1/submit`, { token, body: { ...body, ...solution } });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('session_expired');
  });
});
