import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventLog, type Hex } from 'viem';
import { sandboxRigMiningAbi, sandboxRigNftAbi } from '../../../src/sandbox/contracts/index.js';
import { HOSTILE_ADDRESS } from '../../../src/sandbox/coordinator/index.js';
import { send, startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';
import { call, pollAttempt, signIn } from './http.js';

describe('rig lane over HTTP against anvil', () => {
  let net: SandboxNetwork;
  let url: string;
  let token: string;
  let operator: string;

  beforeAll(async () => {
    net = await startSandboxNetwork({ rigs: 3 });
    url = net.coordinator.url;
    operator = net.operator.walletClient.account.address;
    token = (await signIn(url, net.operator, 'rig')).token;
  });
  afterAll(async () => net?.stop());

  const challenge = (rigId: bigint, nonce: string, as = operator, bearer = token) =>
    call(`${url}/v1/rig/challenge?rigId=${rigId}&operator=${as}&nonce=${nonce}`, { token: bearer });
  const submitBody = (payload: Record<string, unknown>, nonce: string, solution: Record<string, unknown>) => ({
    rigId: payload.rigId,
    operator,
    challengeId: payload.challengeId,
    nonce,
    challengeManifestHash: payload.challengeManifestHash,
    challengeExpiresAtMs: payload.challengeExpiresAtMs,
    challengeAuthorization: payload.challengeAuthorization,
    modelVersion: 'reference-solver',
    ...solution,
  });
  const submit = (body: unknown, key: string) => call(`${url}/v1/rig/submit`, { token, body, headers: { 'idempotency-key': key } });

  it('signs the reference solution asynchronously and the broadcast receipt earns RigCreditAccepted', async () => {
    const rigId = net.rigIds[0]!;
    const issued = await challenge(rigId, 'rig-flow');
    expect(issued.status).toBe(200);
    const payload = issued.body;
    expect(payload).toMatchObject({ rigId: rigId.toString(), solveIndex: '0', creditsPerSolve: 100 });
    expect(payload.challengeExpiresAtMs as number).toBeGreaterThan(Date.now());
    expect(payload.challengeAuthorization).toEqual(expect.any(String));
    const { solution } = net.answerKeyOf(String(payload.challengeId));

    const accepted = await submit(submitBody(payload, 'rig-flow', solution as unknown as Record<string, unknown>), 'key-1');
    expect(accepted.status).toBe(202);
    expect(accepted.body.attempt).toMatchObject({ status: 'queued', attemptId: expect.any(String) });
    const first = await call(`${url}${accepted.body.statusUrl as string}`, { token });
    if (first.body.status === 'queued' || first.body.status === 'processing') expect(first.headers.get('retry-after')).toBe('1');

    const done = await pollAttempt(url, accepted.body.statusUrl as string, token);
    expect(done.body).toMatchObject({ status: 'signed', lane: 'rig-standard-v1' });
    expect(done.headers.get('retry-after')).toBeNull();
    const tx = done.body.transaction as { to: Hex; chainId: number; value: string; data: Hex };
    expect(tx).toMatchObject({ to: net.contracts.rigMining, chainId: net.anvil.chainId, value: '0' });
    expect(done.body.receipt).toMatchObject({ rigId: rigId.toString(), operator });

    const hash = await net.operator.walletClient.sendTransaction({ to: tx.to, data: tx.data, value: 0n });
    const receipt = await net.operator.publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    const event = receipt.logs
      .map((log) => decodeEventLog({ abi: sandboxRigMiningAbi, data: log.data, topics: log.topics }))
      .find((e) => e.eventName === 'RigCreditAccepted');
    expect(event?.args).toMatchObject({ rigId, operator, solveIndex: 0n, creditsEarned: 100n });

    const credits = await call(`${url}/v1/credits?rigId=${rigId}&operator=${operator}`, { token });
    expect(credits.status).toBe(200);
    expect(credits.body.epochs).toEqual([{ epochId: payload.epochId, credits: '100', claimed: false, bonusClaimed: false }]);
  });

  it('treats the same Idempotency-Key with the same body as the same attempt, and refuses it with another body', async () => {
    const rigId = net.rigIds[1]!;
    const payload = (await challenge(rigId, 'idem')).body;
    const { solution } = net.answerKeyOf(String(payload.challengeId));
    const body = submitBody(payload, 'idem', { ...solution, artifact: 'not it' } as unknown as Record<string, unknown>);
    const a = await submit(body, 'idem-key');
    const b = await submit(body, 'idem-key');
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect((b.body.attempt as { attemptId: string }).attemptId).toBe((a.body.attempt as { attemptId: string }).attemptId);
    const other = await submit({ ...body, artifact: 'something else' }, 'idem-key');
    expect(other.status).toBe(422);
    expect(other.body.error).toBe('idempotency_key_reused');

    const rejected = await pollAttempt(url, a.body.statusUrl as string, token);
    expect(rejected.body).toMatchObject({ status: 'rejected', retryAllowed: true, attemptsUsed: 1, attemptsRemaining: 2, constraintsTotal: 8 });
    expect(rejected.text).not.toMatch(/failedConstraint|expected/i);
  });

  it('names a stranger as operator in hostile foreign-miner mode', async () => {
    const rigId = net.rigIds[1]!;
    const payload = (await challenge(rigId, 'hostile')).body;
    const { solution } = net.answerKeyOf(String(payload.challengeId));
    net.coordinator.setHostile('foreign-miner');
    try {
      const accepted = await submit(submitBody(payload, 'hostile', solution as unknown as Record<string, unknown>), 'hostile-key');
      const done = await pollAttempt(url, accepted.body.statusUrl as string, token);
      expect(done.body.status).toBe('signed');
      expect((done.body.receipt as { operator: string }).operator).toBe(HOSTILE_ADDRESS);
    } finally {
      net.coordinator.setHostile('off');
    }
  });

  it('refuses unknown rigs, unauthorized operators and stale work', async () => {
    const unknown = await challenge(999n, 'x');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('RIG_NOT_FOUND');

    const stranger = net.wallet(5);
    const strangerToken = (await signIn(url, stranger, 'rig')).token;
    const unauthorized = await challenge(net.rigIds[0]!, 'x', stranger.walletClient.account.address, strangerToken);
    expect(unauthorized.status).toBe(403);
    expect(unauthorized.body.error).toBe('RIG_OPERATOR_NOT_AUTHORIZED');

    // The holder revokes the delegation after work was issued: processing refuses it.
    const rigId = net.rigIds[2]!;
    const payload = (await challenge(rigId, 'revoked')).body;
    const { solution } = net.answerKeyOf(String(payload.challengeId));
    const holder = net.wallet(4);
    await send(holder, net.contracts.rigNft, sandboxRigNftAbi, 'setOperator', [rigId, '0x0000000000000000000000000000000000000000']);
    const accepted = await submit(submitBody(payload, 'revoked', solution as unknown as Record<string, unknown>), 'revoked-key');
    const done = await pollAttempt(url, accepted.body.statusUrl as string, token);
    expect(done.body).toMatchObject({ status: 'rejected', code: 'RIG_OPERATOR_NOT_AUTHORIZED' });
  });

  it('reports RIG_CHAIN_POSITION_CHANGED when the rig cursor moved after the challenge was issued', async () => {
    const rigId = net.rigIds[0]!;
    const older = (await challenge(rigId, 'cursor-a')).body;
    const newer = (await challenge(rigId, 'cursor-b')).body;
    // Redeem the newer challenge on chain: the rig's cursor moves past the older one.
    const newerSolution = net.answerKeyOf(String(newer.challengeId)).solution as unknown as Record<string, unknown>;
    const signed = await pollAttempt(url, (await submit(submitBody(newer, 'cursor-b', newerSolution), 'cursor-b')).body.statusUrl as string, token);
    const tx = signed.body.transaction as { to: Hex; data: Hex };
    await net.operator.publicClient.waitForTransactionReceipt({ hash: await net.operator.walletClient.sendTransaction({ to: tx.to, data: tx.data }) });

    const olderSolution = net.answerKeyOf(String(older.challengeId)).solution as unknown as Record<string, unknown>;
    const stale = await pollAttempt(url, (await submit(submitBody(older, 'cursor-a', olderSolution), 'cursor-a')).body.statusUrl as string, token);
    expect(stale.body).toMatchObject({ status: 'rejected', code: 'RIG_CHAIN_POSITION_CHANGED' });
  });
});

describe('rig lane challenge expiry', () => {
  let net: SandboxNetwork;
  afterAll(async () => net?.stop());

  it('marks an attempt on a challenge past challengeExpiresAtMs as expired', async () => {
    net = await startSandboxNetwork({ rigs: 1, coordinator: { rigChallengeTtlSeconds: 1 } });
    const url = net.coordinator.url;
    const operator = net.operator.walletClient.account.address;
    const { token } = await signIn(url, net.operator, 'rig');
    const payload = (await call(`${url}/v1/rig/challenge?rigId=${net.rigIds[0]}&operator=${operator}&nonce=exp`, { token })).body;
    const { solution } = net.answerKeyOf(String(payload.challengeId));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const body = {
      rigId: payload.rigId,
      operator,
      challengeId: payload.challengeId,
      nonce: 'exp',
      challengeManifestHash: payload.challengeManifestHash,
      challengeExpiresAtMs: payload.challengeExpiresAtMs,
      challengeAuthorization: payload.challengeAuthorization,
      modelVersion: 'reference-solver',
      ...solution,
    };
    const accepted = await call(`${url}/v1/rig/submit`, { token, body, headers: { 'idempotency-key': 'exp' } });
    expect(accepted.status).toBe(202);
    const done = await pollAttempt(url, accepted.body.statusUrl as string, token);
    expect(done.body.status).toBe('expired');
  });
});
