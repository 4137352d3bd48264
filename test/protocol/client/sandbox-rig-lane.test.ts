// The client against the sandbox coordinator over real HTTP, on real anvil: the rig lane
// (challenge → asynchronous submit → poll → signed), Idempotency-Key reuse, rig refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import { isMinerError, type MinerError } from '../../../src/errors.js';
import {
  createCoordinatorClient,
  isRigRefusedError,
  rigSubmission,
  type CoordinatorClient,
  type SignInEvent,
} from '../../../src/protocol/index.js';
import type { RetryEvent } from '../../../src/protocol/http/types.js';
import { fetchSkill, skillUrlFor } from '../../../src/protocol/skill/fetch.js';
import { ACCOUNT, startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';

describe('coordinator client: rig lane against the sandbox', () => {
  let net: SandboxNetwork;
  let client: CoordinatorClient;
  const signIns: SignInEvent[] = [];
  const retries: RetryEvent[] = [];

  beforeAll(async () => {
    net = await startSandboxNetwork({ rigs: 3 });
    client = createCoordinatorClient({
      baseUrl: net.coordinator.url,
      account: privateKeyToAccount(net.key(ACCOUNT.operator)),
      skill: await fetchSkill(skillUrlFor(net.coordinator.url)),
      onSignIn: (event) => signIns.push(event),
      http: { onRetry: (event) => retries.push(event), sleep: async () => undefined },
    });
  });
  afterAll(async () => {
    await client?.close();
    await net?.stop();
  });

  it('gets rig work, submits it asynchronously, polls it to signed, and the transaction lands on chain', async () => {
    const rigId = net.rigIds[0]!;
    const { challenge, nonce } = await client.getRigChallenge({ rigId });
    expect(challenge.rig).toMatchObject({ rigId: rigId.toString(), operator: client.address });
    const again = await client.getRigChallenge({ rigId, nonce });
    expect(again.challenge.challengeId).toBe(challenge.challengeId);

    const { solution } = net.answerKeyOf(challenge.challengeId);
    const accepted = await client.submitRigSolution(rigSubmission({ challenge, nonce, solution, modelVersion: 'reference-solver' }));
    if (accepted.kind !== 'accepted') throw new Error(`expected acceptance, got ${JSON.stringify(accepted)}`);
    expect(accepted.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const outcome = await client.pollAttempt(accepted.attempt.attemptId, { ...(accepted.retryAfterMs ? { initialDelayMs: accepted.retryAfterMs } : {}) });
    if (outcome.status !== 'signed') throw new Error(`expected signed, got ${JSON.stringify(outcome)}`);
    expect(outcome.lane).toBe('rig-standard-v1');
    expect(outcome.receipt).toMatchObject({ rigId: rigId.toString(), operator: client.address });
    expect(outcome.transaction).toMatchObject({ to: net.contracts.rigMining, chainId: net.anvil.chainId, value: '0' });

    const hash = await net.operator.walletClient.sendTransaction({ to: outcome.transaction.to, data: outcome.transaction.data, value: 0n });
    expect((await net.operator.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
    const credits = await client.getCredits({ rigId, operator: client.address! });
    expect(credits.epochs).toEqual([expect.objectContaining({ epochId: challenge.epochId, credits: '100' })]);
    const claim = await client.getClaimCalldata({ epochs: [challenge.epochId!], rigId });
    expect(claim.transaction.to).toBe(net.contracts.rigMining);
  });

  it('files a retried submission (same Idempotency-Key) as the same attempt, also across a dropped connection', async () => {
    const rigId = net.rigIds[1]!;
    const { challenge, nonce } = await client.getRigChallenge({ rigId });
    const { solution } = net.answerKeyOf(challenge.challengeId);
    const body = rigSubmission({ challenge, nonce, solution: { ...solution, artifact: 'not it' }, modelVersion: 'x' });

    net.coordinator.setFaults({ mode: 'script', actions: ['drop'], paths: ['/v1/rig/submit'] });
    const first = await client.submitRigSolution(body);
    expect(retries.some((r) => r.url.endsWith('/v1/rig/submit'))).toBe(true);
    if (first.kind !== 'accepted') throw new Error('expected acceptance');
    const retried = await client.submitRigSolution(body, { idempotencyKey: first.idempotencyKey });
    if (retried.kind !== 'accepted') throw new Error('expected acceptance');
    expect(retried.attempt.attemptId).toBe(first.attempt.attemptId);

    const outcome = await client.pollAttempt(first.attempt.attemptId);
    expect(outcome).toMatchObject({ status: 'rejected', next: 'retry_same', feedback: { retryAllowed: true, attemptsUsed: 1 } });
  });

  it('reports a tampered challenge binding as a refusal of the challenge, not of the token', async () => {
    const rigId = net.rigIds[2]!;
    const { challenge, nonce } = await client.getRigChallenge({ rigId });
    const { solution } = net.answerKeyOf(challenge.challengeId);
    const body = rigSubmission({ challenge, nonce, solution, modelVersion: 'x' });
    const error = (await client.submitRigSolution({ ...body, challengeAuthorization: `${body.challengeAuthorization}x` }).catch((e: unknown) => e)) as MinerError;
    expect(isMinerError(error) && error.code).toBe('COORDINATOR_REFUSED');
    expect(error.hint).toMatch(/echo the challenge's fields unchanged/);
  });

  it('uses one rig-lane token for all rigs of the operator', async () => {
    await client.getRigChallenge({ rigId: net.rigIds[2]! });
    expect(signIns.map((e) => [e.lane, e.reason])).toEqual([['rig', 'initial']]);
  });

  it('turns RIG_NOT_FOUND and RIG_OPERATOR_NOT_AUTHORIZED into typed refusals with hints', async () => {
    const missing = (await client.getRigChallenge({ rigId: 999n }).catch((e: unknown) => e)) as MinerError;
    expect(isRigRefusedError(missing)).toBe(true);
    expect(missing).toMatchObject({ refusal: 'RIG_NOT_FOUND', next: 'stop' });

    const stranger = createCoordinatorClient({ baseUrl: net.coordinator.url, account: privateKeyToAccount(net.key(ACCOUNT.stranger)) });
    const refused = (await stranger.getRigChallenge({ rigId: net.rigIds[0]! }).catch((e: unknown) => e)) as MinerError;
    expect(isMinerError(refused) && refused.code).toBe('NOT_ELIGIBLE');
    expect(refused).toMatchObject({ refusal: 'RIG_OPERATOR_NOT_AUTHORIZED' });
    expect(refused.hint).toMatch(/delegate/);
    await stranger.close();
  });
});
