import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, type Address, type Hex } from 'viem';
import { sandboxMiningAbi, sandboxRigMiningAbi } from '../../../src/sandbox/contracts/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { ACCOUNT, WAD, startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';
import { call, pollAttempt, signIn } from './http.js';

describe('claims after an epoch ends (operator loop commits, reveals, funds, finalizes)', () => {
  let net: SandboxNetwork;
  let url: string;
  let epochId: string;

  beforeAll(async () => {
    net = await startSandboxNetwork({
      rigs: 1,
      epochDurationSeconds: 600,
      coordinator: { operator: { intervalMs: 100, epochReward: 1000n * WAD, bonusEvery: 1, bonusReward: 50n * WAD } },
    });
    url = net.coordinator.url;
  });
  afterAll(async () => net?.stop());

  const broadcast = async (wallet: LocalClients, tx: { to: string; data: string; value: string }) => {
    const hash = await wallet.walletClient.sendTransaction({ to: tx.to as Address, data: tx.data as Hex, value: BigInt(tx.value) });
    const receipt = await wallet.publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
  };
  const balance = (address: Address) =>
    net.owner.publicClient.readContract({ address: net.contracts.botcoin, abi: erc20Abi, functionName: 'balanceOf', args: [address] });

  it('earns credits on both lanes in the current epoch', async () => {
    const miner = net.miner.walletClient.account.address;
    const { token } = await signIn(url, net.miner);
    const payload = (await call(`${url}/v1/challenge?miner=${miner}&nonce=c1`, { token })).body;
    epochId = String(payload.epochId);
    const { solution } = net.answerKeyOf(String(payload.challengeId));
    const passed = await call(`${url}/v1/submit`, {
      token,
      body: { miner, challengeId: payload.challengeId, nonce: 'c1', challengeManifestHash: payload.challengeManifestHash, modelVersion: 'x', ...solution },
    });
    await broadcast(net.miner, passed.body.transaction as { to: string; data: string; value: string });

    const operator = net.operator.walletClient.account.address;
    const rigToken = (await signIn(url, net.operator, 'rig')).token;
    const rigPayload = (await call(`${url}/v1/rig/challenge?rigId=${net.rigIds[0]}&operator=${operator}&nonce=c1`, { token: rigToken })).body;
    const rigSolution = net.answerKeyOf(String(rigPayload.challengeId)).solution;
    const accepted = await call(`${url}/v1/rig/submit`, {
      token: rigToken,
      headers: { 'idempotency-key': 'claims-1' },
      body: {
        rigId: rigPayload.rigId,
        operator,
        challengeId: rigPayload.challengeId,
        nonce: 'c1',
        challengeManifestHash: rigPayload.challengeManifestHash,
        challengeExpiresAtMs: rigPayload.challengeExpiresAtMs,
        challengeAuthorization: rigPayload.challengeAuthorization,
        modelVersion: 'x',
        ...rigSolution,
      },
    });
    const signed = await pollAttempt(url, accepted.body.statusUrl as string, rigToken);
    await broadcast(net.operator, signed.body.transaction as { to: string; data: string; value: string });

    const credits = await call(`${url}/v1/credits?miner=${miner}`);
    expect(credits.body.epochs).toEqual([{ epochId, credits: '100', claimed: false, bonusClaimed: false }]);
    // Not claimable while the epoch runs.
    const early = await call(`${url}/v1/bonus/status?epochs=${epochId}`);
    expect(early.body).toMatchObject({ epochId, claimsOpen: false });
  });

  it('reveals, funds and finalizes the ended epoch, and the claim transactions pay out', async () => {
    await net.advanceEpoch();
    const epoch = BigInt(epochId);
    for (const [address, abi] of [
      [net.contracts.mining, sandboxMiningAbi],
      [net.contracts.rigMining, sandboxRigMiningAbi],
    ] as const) {
      await expect
        .poll(() => net.owner.publicClient.readContract({ address, abi, functionName: 'epochFinalized', args: [epoch] }), { timeout: 20_000, interval: 100 })
        .toBe(true);
      const secret = (await net.owner.publicClient.readContract({ address, abi, functionName: 'epochSecret', args: [epoch] })) as Hex;
      expect(BigInt(secret)).not.toBe(0n);
      expect(await net.owner.publicClient.readContract({ address, abi, functionName: 'epochReward', args: [epoch] })).toBe(1000n * WAD);
    }
    const epochInfo = await call(`${url}/v1/epoch`);
    expect(epochInfo.body.prevEpochId).toBe(epochId);

    const miner = net.miner.walletClient.account.address;
    const before = await balance(miner);
    const claim = await call(`${url}/v1/claim-calldata?epochs=${epochId}`);
    expect(claim.body.transaction).toMatchObject({ to: net.contracts.mining, value: '0', chainId: net.anvil.chainId });
    await broadcast(net.miner, claim.body.transaction as { to: string; data: string; value: string });
    expect((await balance(miner)) - before).toBe(1000n * WAD);

    const bonus = await call(`${url}/v1/bonus/status?epochs=${epochId}`);
    expect(bonus.body).toMatchObject({ enabled: true, epochId, isBonusEpoch: true, claimsOpen: true, rewardRaw: (50n * WAD).toString(), reward: '50' });
    const bonusClaim = await call(`${url}/v1/bonus/claim-calldata?epochs=${epochId}`);
    expect(bonusClaim.body.calldata).toBe((bonusClaim.body.transaction as { data: string }).data);
    await broadcast(net.miner, bonusClaim.body.transaction as { to: string; data: string; value: string });
    expect((await balance(miner)) - before).toBe(1050n * WAD);
    const credits = await call(`${url}/v1/credits?miner=${miner}`);
    expect(credits.body.epochs).toEqual([{ epochId, credits: '100', claimed: true, bonusClaimed: true }]);

    // Rig claims are permissionless and pay the rig's holder.
    const holder = net.wallet(ACCOUNT.rigHolder).walletClient.account.address;
    const holderBefore = await balance(holder);
    const rigClaim = await call(`${url}/v1/claim-calldata?rigId=${net.rigIds[0]}&epochs=${epochId}`);
    expect(rigClaim.body.transaction).toMatchObject({ to: net.contracts.rigMining });
    await broadcast(net.operator, rigClaim.body.transaction as { to: string; data: string; value: string });
    expect((await balance(holder)) - holderBefore).toBe(1000n * WAD);
  });
});
