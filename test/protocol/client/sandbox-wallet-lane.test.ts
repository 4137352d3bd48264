// The client against the sandbox coordinator over real HTTP, on real anvil: the wallet lane,
// the read endpoints, and the 403 a wallet-lane token gets on a rig route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import { isMinerError, type MinerError } from '../../../src/errors.js';
import { forbiddenError } from '../../../src/protocol/forbidden.js';
import {
  createCoordinatorClient,
  routePath,
  sendAuthorized,
  walletSubmission,
  type CoordinatorClient,
  type SignInEvent,
} from '../../../src/protocol/index.js';
import { fetchSkill, skillUrlFor } from '../../../src/protocol/skill/fetch.js';
import { ACCOUNT, startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';

describe('coordinator client: wallet lane against the sandbox', () => {
  let net: SandboxNetwork;
  let client: CoordinatorClient;
  const signIns: SignInEvent[] = [];
  const miner = () => client.address!;

  beforeAll(async () => {
    net = await startSandboxNetwork({ rigs: 1 });
    const skill = await fetchSkill(skillUrlFor(net.coordinator.url));
    client = createCoordinatorClient({
      baseUrl: net.coordinator.url,
      account: privateKeyToAccount(net.key(ACCOUNT.miner)),
      skill,
      onSignIn: (event) => signIns.push(event),
    });
  });
  afterAll(async () => {
    await client?.close();
    await net?.stop();
  });

  it('signs in, gets a challenge, gets counts-only feedback for a broken solution, then a pass with a transaction that lands on chain', async () => {
    const { challenge, nonce } = await client.getChallenge();
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(challenge.generation).toBe('wallet');
    const { solution } = net.answerKeyOf(challenge.challengeId);
    const modelVersion = 'reference-solver';

    const broken = walletSubmission({ challenge, nonce, miner: miner(), modelVersion, solution: { ...solution, artifact: 'not the artifact' } });
    const fail = await client.submitSolution(broken);
    expect(fail).toMatchObject({ kind: 'fail', pass: false, mode: 'multi-pass', retryAllowed: true, attemptsUsed: 1, attemptsRemaining: 2 });
    if (fail.kind !== 'fail' || fail.mode !== 'multi-pass') throw new Error('expected a multi-pass failure');
    expect(fail.constraintsPassed).toBeLessThan(fail.constraintsTotal!);
    expect(fail.raw).not.toHaveProperty('failedConstraintIndices');

    const outcome = await client.submitSolution(walletSubmission({ challenge, nonce, miner: miner(), modelVersion, solution }));
    if (outcome.kind !== 'pass') throw new Error(`expected a pass, got ${JSON.stringify(outcome)}`);
    expect(outcome.transaction).toMatchObject({ to: net.contracts.mining, chainId: net.anvil.chainId, value: '0' });
    expect(outcome.receipt).toMatchObject({ miner: miner(), epochId: challenge.epochId, solveIndex: '0' });

    const hash = await net.miner.walletClient.sendTransaction({ to: outcome.transaction.to, data: outcome.transaction.data, value: 0n });
    expect((await net.miner.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
    const credits = await client.getCredits({ miner: miner() });
    expect(credits.epochs).toEqual([expect.objectContaining({ epochId: challenge.epochId, credits: '100' })]);

    // One sign-in for all of it: the token is reused; the chain id is the sandbox's own.
    expect(signIns).toEqual([{ address: miner(), lane: 'wallet', reason: 'initial', chainId: net.anvil.chainId }]);
  });

  it('reports a stale challenge (404) and a manifest mismatch (409) as typed outcomes', async () => {
    const { challenge, nonce } = await client.getChallenge();
    const { solution } = net.answerKeyOf(challenge.challengeId);
    const body = walletSubmission({ challenge, nonce, miner: miner(), modelVersion: 'x', solution });
    expect(await client.submitSolution({ ...body, challengeId: `${body.challengeId}-gone` })).toMatchObject({ kind: 'stale_challenge', code: 'challenge_not_found' });
    expect(await client.submitSolution({ ...body, challengeManifestHash: `0x${'00'.repeat(32)}` })).toMatchObject({
      kind: 'new_challenge_needed',
      reason: 'challenge_manifest_mismatch',
    });
  });

  it('gets a clear 403 error when a wallet-lane token is used on a rig route', async () => {
    const response = await sendAuthorized(client, 'wallet', 'GET', routePath('rigChallenge'), {
      query: { rigId: net.rigIds[0]!.toString(), operator: miner(), nonce: 'wrong-lane' },
    });
    expect(response.status).toBe(403);
    const error = forbiddenError(response, 'Requesting rig work', 'rig');
    expect(error.code).toBe('AUTH_REFUSED');
    expect(error.shortMessage).toMatch(/WRONG_LANE/);
    expect(error.hint).toMatch(/"lane":"rig"/);
  });

  it('reads the epoch, token, health, bonus status and the calldata endpoints, returning transactions unverified', async () => {
    const epoch = await client.getEpoch();
    expect(epoch.epochId).toMatch(/^\d+$/);
    expect(epoch.epochDurationSeconds).toBe(3600);
    expect(await client.getToken()).toMatchObject({ address: net.contracts.botcoin, decimals: 18 });
    expect(await client.getHealth()).toMatchObject({ ok: true, status: 200 });
    expect(await client.getBonusStatus({ epochs: [epoch.epochId] })).toMatchObject({ enabled: true, epochId: epoch.epochId });

    const claim = await client.getClaimCalldata({ epochs: [epoch.epochId, 1n] });
    expect(claim.transaction).toMatchObject({ to: net.contracts.mining, chainId: net.anvil.chainId, value: '0' });
    const bonus = await client.getBonusClaimCalldata({ epochs: [epoch.epochId] });
    expect(bonus.calldata).toBe(bonus.transaction.data);
    const approve = await client.getStakeApproveCalldata(5_000_000n * 10n ** 18n);
    expect(approve.transaction.to).toBe(net.contracts.botcoin);
    for (const tx of [await client.getStakeCalldata(1n), await client.getUnstakeCalldata(), await client.getWithdrawCalldata()]) {
      expect(tx.transaction.to).toBe(net.contracts.mining);
    }
  });

  it('refuses an unusable epoch list before sending anything', async () => {
    const error = await client.getClaimCalldata({ epochs: [] }).catch((e: unknown) => e as MinerError);
    expect(isMinerError(error) && error.code).toBe('INVALID_INPUT');
  });
});
