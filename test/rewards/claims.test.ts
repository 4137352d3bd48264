// Claims against a real sandbox (anvil + contracts + coordinator + operator loop): credits are
// earned on both lanes, the epoch ends, the operator funds and finalizes it, and the rewards
// library finds, guards and sends the claims — paying reward × credits / total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { NonceAllocator } from '../../src/chain/broadcast/index.js';
import { builtInAddressBook } from '../../src/chain/addresses/built-in.js';
import { createCoordinatorClient, type CoordinatorClient } from '../../src/protocol/index.js';
import { allowListFor, type AllowList } from '../../src/protocol/skill/allow-list.js';
import { fetchSkill, skillUrlFor } from '../../src/protocol/skill/fetch.js';
import { findClaims, guardClaimBatch, paidBy, rewardsContracts, sendAndConfirm, type ClaimScan } from '../../src/rewards/index.js';
import { sandboxMiningAbi, testBotcoinAbi } from '../../src/sandbox/contracts/index.js';
import { ACCOUNT, WAD, send, startSandboxNetwork, type SandboxNetwork } from '../support/sandbox-network.js';
import { earnRigCredit, earnWalletCredit, type SandboxEndpoints } from './support/earn.js';

const REWARD = 1000n * WAD;
const BONUS = 50n * WAD;

describe('claims after a sandbox epoch ends', () => {
  let net: SandboxNetwork;
  let endpoints: SandboxEndpoints;
  let allowList: AllowList;
  let epoch: bigint;
  let minerClient: CoordinatorClient;
  let operatorClient: CoordinatorClient;
  const miner = (): Address => net.miner.walletClient.account.address;
  const operator = (): Address => net.operator.walletClient.account.address;
  const balance = (address: Address): Promise<bigint> =>
    net.owner.publicClient.readContract({ address: net.contracts.botcoin, abi: erc20Abi, functionName: 'balanceOf', args: [address] });
  const contracts = () => rewardsContracts(allowList, 'wallet');
  const current = async (): Promise<bigint> =>
    (await net.owner.publicClient.readContract({ address: net.contracts.mining, abi: sandboxMiningAbi, functionName: 'currentEpoch' })) as bigint;
  const walletScan = async (): Promise<ClaimScan> =>
    findClaims(net.miner.publicClient, minerClient, { lane: 'wallet', mining: contracts().mining!, miner: miner() }, { current: await current() });

  beforeAll(async () => {
    net = await startSandboxNetwork({
      rigs: 1,
      epochDurationSeconds: 600,
      // Every epoch is a bonus epoch here (epochId % 1 === 0), so the bonus claim is exercised too.
      coordinator: { operator: { intervalMs: 100, epochReward: REWARD, bonusEvery: 1, bonusReward: BONUS } },
    });
    endpoints = { coordinatorUrl: net.coordinator.url, rpcUrl: net.anvil.rpcUrl, chainId: net.anvil.chainId, answerKeyDir: net.answerKeyDir };
    const skill = await fetchSkill(skillUrlFor(net.coordinator.url));
    allowList = allowListFor(net.anvil.chainId, { builtIn: builtInAddressBook(net.anvil.chainId), skill });
    minerClient = createCoordinatorClient({ baseUrl: net.coordinator.url, skill });
    operatorClient = createCoordinatorClient({ baseUrl: net.coordinator.url, skill, account: privateKeyToAccount(net.key(ACCOUNT.operator)) });
    // A second staked miner at the 10M tier (205 credits per solve) makes the share a real fraction: 100 / 305.
    const stranger = net.wallet(ACCOUNT.stranger);
    const stake = 10_000_000n * WAD;
    await send(net.owner, net.contracts.botcoin, testBotcoinAbi, 'mint', [stranger.walletClient.account.address, stake]);
    await send(stranger, net.contracts.botcoin, testBotcoinAbi, 'approve', [net.contracts.mining, stake]);
    await send(stranger, net.contracts.mining, sandboxMiningAbi, 'stake', [stake]);
  });
  afterAll(async () => {
    await minerClient?.close();
    await operatorClient?.close();
    await net?.stop();
  });

  it('finds nothing claimable while the credited epoch is still running', async () => {
    epoch = BigInt(await earnWalletCredit(endpoints, net.key(ACCOUNT.miner)));
    expect(BigInt(await earnWalletCredit(endpoints, net.key(ACCOUNT.stranger)))).toBe(epoch);
    expect(BigInt(await earnRigCredit(endpoints, net.key(ACCOUNT.operator), net.rigIds[0]!))).toBe(epoch);
    const scan = await findClaims(net.miner.publicClient, minerClient, { lane: 'wallet', mining: contracts().mining!, miner: miner() }, { current: epoch, epochs: [epoch] });
    expect(scan.walletEpochs).toEqual([expect.objectContaining({ epochId: epoch, credits: 100n, claimable: false, blocker: 'running' })]);
    expect(scan.batches).toEqual([]);
  });

  it('after the epoch ends and is finalized, claims the wallet lane and pays reward × credits / total, plus the bonus', async () => {
    await net.advanceEpoch();
    await expect.poll(() => net.owner.publicClient.readContract({ address: net.contracts.mining, abi: sandboxMiningAbi, functionName: 'epochFinalized', args: [epoch] }), { timeout: 20_000, interval: 100 }).toBe(true);

    const scan = await walletScan();
    const share = (REWARD * 100n) / 305n;
    const bonusShare = (BONUS * 100n) / 305n;
    expect(scan.walletEpochs).toEqual([expect.objectContaining({ epochId: epoch, credits: 100n, totalCredits: 305n, reward: REWARD, finalized: true, claimed: false, claimable: true, share })]);
    expect(scan.bonus).toEqual([expect.objectContaining({ epochId: epoch, bonusReward: BONUS, claimable: true })]);
    expect(scan.batches).toEqual([
      { kind: 'claim', epochs: [epoch], expected: share },
      { kind: 'bonus_claim', epochs: [epoch] },
    ]);

    const before = await balance(miner());
    const sender = { publicClient: net.miner.publicClient, walletClient: net.miner.walletClient, nonces: new NonceAllocator(), timeoutMs: 20_000 };
    let paid = 0n;
    for (const batch of scan.batches) {
      const guarded = await guardClaimBatch(net.miner.publicClient, minerClient, batch, { allowList, sender: miner() });
      const sent = await sendAndConfirm(sender, guarded);
      paid += paidBy(sent.events, guarded.to);
    }
    expect(paid).toBe(share + bonusShare);
    expect((await balance(miner())) - before).toBe(share + bonusShare);
  });

  it('a second scan finds nothing to claim: both claims are marked claimed', async () => {
    const scan = await walletScan();
    expect(scan.batches).toEqual([]);
    expect(scan.walletEpochs).toEqual([expect.objectContaining({ epochId: epoch, claimed: true, claimable: false, blocker: 'claimed' })]);
    expect(scan.bonus).toEqual([expect.objectContaining({ epochId: epoch, claimable: false, blocker: 'claimed', revert: 'AlreadyClaimed' })]);
  });

  it('claims a rig: credited epochs from the coordinator, settled by simulation; the rig holder is paid', async () => {
    const rigId = net.rigIds[0]!;
    const target = { lane: 'rig' as const, rigMining: rewardsContracts(allowList, 'rig').rigMining!, operator: operator(), rigIds: [rigId] };
    const scan = await findClaims(net.operator.publicClient, operatorClient, target, { current: await current() });
    expect(scan.rigEpochs).toEqual([expect.objectContaining({ rigId, epochId: epoch, credits: 100n, claimable: true })]);
    expect(scan.batches.map((b) => [b.kind, b.rigId, b.epochs])).toEqual([
      ['claim', rigId, [epoch]],
      ['bonus_claim', rigId, [epoch]],
    ]);
    const holder = net.wallet(ACCOUNT.rigHolder).walletClient.account.address;
    const before = await balance(holder);
    const sender = { publicClient: net.operator.publicClient, walletClient: net.operator.walletClient, nonces: new NonceAllocator(), timeoutMs: 20_000 };
    for (const batch of scan.batches) {
      await sendAndConfirm(sender, await guardClaimBatch(net.operator.publicClient, operatorClient, batch, { allowList, sender: operator() }));
    }
    // The only rig credits of the epoch: the whole reward and bonus go to the rig's holder.
    expect((await balance(holder)) - before).toBe(REWARD + BONUS);
    const again = await findClaims(net.operator.publicClient, operatorClient, target, { current: await current() });
    expect(again.batches).toEqual([]);
    expect(again.rigEpochs).toEqual([expect.objectContaining({ epochId: epoch, claimed: true, claimable: false, blocker: 'claimed' })]);
  });

  it('refuses to sign a claim whose simulation reverts (an epoch without credits), naming the revert', async () => {
    const guarded = guardClaimBatch(net.miner.publicClient, minerClient, { kind: 'claim', epochs: [epoch + 5n] }, { allowList, sender: miner() });
    await expect(guarded).rejects.toMatchObject({ code: 'GUARD_REFUSED', revert: { name: 'EpochNotFunded' } });
  });
});
