// End to end: 20 challenges mined on both lanes (the wallet and three rigs at once) against the
// sandbox with faults injected into the coordinator (429, 5xx, dropped connections, slow replies)
// and into the answer-key replay standing in for the model API (a wrong trap answer on every
// first attempt, bad citations, non-JSON replies, 429s). Every pass must end in a confirmed
// receipt, the chain's credits must equal the ledger's, and no rig may reuse or skip a cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { openLedger, receiptStates, type LedgerRecord } from '../../src/ledger/index.js';
import { mine, type MineSummary } from '../../src/miner/index.js';
import { sandboxMiningAbi, sandboxRigMiningAbi } from '../../src/sandbox/contracts/index.js';
import { eventLog, startMinerWorld, type MinerWorld } from '../miner/support/network.js';

const WALLET_CHALLENGES = 8;
const RIG_CHALLENGES = 12;

let world: MinerWorld;
let wallet: MineSummary;
let rigs: MineSummary;
const walletLog = eventLog();
const rigLog = eventLog();
const coordinatorRetries: Array<{ status?: number; reason: string }> = [];

beforeAll(async () => {
  world = await startMinerWorld({
    sandbox: {
      epochSeconds: 3600,
      coordinator: {
        faults: { mode: 'random', seed: 7, paths: ['/v1/'], slowMs: 300, rates: { '429': 0.06, '500': 0.03, '502': 0.02, '503': 0.02, drop: 0.04, slow: 0.04 } },
      },
    },
    replayFaults: {
      seed: 11,
      rules: [
        { fault: 'wrong_trap_answer', when: { attempt: 1 } },
        { fault: 'bad_citation', when: { probability: 0.25 } },
        { fault: 'non_json', when: { probability: 0.1 } },
        { fault: 'http_429', when: { probability: 0.1 }, retryAfterSeconds: 0 },
      ],
    },
  });
  const onCoordinatorRetry = (event: { status?: number; reason: string }): void => void coordinatorRetries.push(event);
  const [walletSession, rigSession] = await Promise.all([world.open('wallet', { onCoordinatorRetry }), world.open('rig', { onCoordinatorRetry })]);
  try {
    [wallet, rigs] = await Promise.all([
      mine(walletSession, { count: WALLET_CHALLENGES, onEvent: walletLog.sink }),
      mine(rigSession, { count: RIG_CHALLENGES, onEvent: rigLog.sink }),
    ]);
  } finally {
    await Promise.all([walletSession.close(), rigSession.close()]);
  }
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

async function ledgerOf(address: Address): Promise<LedgerRecord[]> {
  return openLedger({ wallet: address, dir: world.dataDir }).read();
}

describe('mining 20 challenges on both lanes with faults injected', () => {
  it('takes every requested challenge to an end, and the faults really happened', () => {
    expect(wallet.challenges).toBe(WALLET_CHALLENGES);
    expect(rigs.challenges).toBe(RIG_CHALLENGES);
    expect(rigs.rigs).toHaveLength(3);
    // Every rig mined: the work was spread, not serialised onto one rig.
    for (const rigId of world.rigIds) expect(rigs.results.some((r) => r.rigId === rigId)).toBe(true);
    // The replay's wrong trap answer made first attempts fail; retries used the counts.
    const verdicts = [...walletLog.of('verdict'), ...rigLog.of('verdict')];
    expect(verdicts.some((v) => !v.pass && v.attempt === 1)).toBe(true);
    expect(verdicts.some((v) => v.pass && v.attempt > 1)).toBe(true);
    // The replay faults and the coordinator faults were seen by the clients.
    const faults = world.replay.calls.flatMap((c) => c.faults);
    for (const fault of ['wrong_trap_answer', 'bad_citation', 'non_json', 'http_429']) expect(faults).toContain(fault);
    const statuses = new Set(coordinatorRetries.map((r) => r.status ?? 'dropped'));
    for (const status of [429, 'dropped']) expect(statuses).toContain(status);
    expect([500, 502, 503].some((s) => statuses.has(s))).toBe(true);
  });

  it('ends every pass in a confirmed receipt', async () => {
    for (const [summary, address] of [[wallet, world.minerAddress], [rigs, world.operatorAddress]] as const) {
      const records = await ledgerOf(address);
      const passes = records.filter((r) => r.kind === 'feedback' && r.pass).map((r) => (r as { challengeId: string }).challengeId);
      const receipts = [...receiptStates(records).values()];
      expect(passes.length).toBeGreaterThan(0);
      expect(receipts.map((r) => r.challengeId).sort()).toEqual([...new Set(passes)].sort());
      expect(receipts.every((r) => r.state === 'confirmed')).toBe(true);
      expect(summary.confirmed).toBe(receipts.length);
      expect(summary.reverted + summary.dropped).toBe(0);
    }
  });

  it('matches the on-chain credits with the ledger, per epoch', async () => {
    const publicClient = world.chain;
    const { mining, rigMining } = world.sandbox.contracts;
    const walletReceipts = [...receiptStates(await ledgerOf(world.minerAddress)).values()];
    const walletByEpoch = sumBy(walletReceipts, (r) => r.epochId);
    for (const [epoch, credits] of walletByEpoch) {
      const onChain = (await publicClient.readContract({ address: mining, abi: sandboxMiningAbi, functionName: 'credits', args: [BigInt(epoch), world.minerAddress] })) as bigint;
      expect(onChain).toBe(credits);
    }
    const rigReceipts = [...receiptStates(await ledgerOf(world.operatorAddress)).values()];
    const rigByEpoch = sumBy(rigReceipts, (r) => `${r.epochId}:${r.rigId}`);
    for (const [key, credits] of rigByEpoch) {
      const [epoch, rigId] = key.split(':') as [string, string];
      const onChain = (await publicClient.readContract({ address: rigMining, abi: sandboxRigMiningAbi, functionName: 'rigCredits', args: [BigInt(epoch), BigInt(rigId)] })) as bigint;
      expect(onChain).toBe(credits);
    }
    const total = [...walletByEpoch.values(), ...rigByEpoch.values()].reduce((a, b) => a + b, 0n);
    expect(total).toBe(BigInt(wallet.creditsEarned) + BigInt(rigs.creditsEarned));
  });

  it('never lets a rig overlap its own cursor: confirmed solve indexes are 0, 1, 2, … per rig', async () => {
    const receipts = [...receiptStates(await ledgerOf(world.operatorAddress)).values()];
    for (const rigId of world.rigIds) {
      const indexes = receipts.filter((r) => r.rigId === rigId).map((r) => Number(r.solveIndex)).sort((a, b) => a - b);
      expect(indexes).toEqual(indexes.map((_, i) => i));
      const next = (await world.chain.readContract({ address: world.sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName: 'rigNextIndex', args: [BigInt(rigId)] })) as bigint;
      expect(next).toBe(BigInt(indexes.length));
    }
  });
});

function sumBy<T extends { creditsEarned?: string }>(items: readonly T[], key: (item: T) => string): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0n) + BigInt(item.creditsEarned ?? '0'));
  return sums;
}
