/**
 * GET /v1/credits?miner (wallet lane) or ?rigId&operator (rig lane, bearer) and
 * GET /v1/bonus/status?epochs: credits and claim state per epoch, read from chain.
 * Credited epochs are found from the contracts' credit events.
 */
import type { Handler } from 'hono';
import { formatUnits, type Address } from 'viem';
import { sandboxMiningAbi, sandboxRigMiningAbi } from '../../contracts/index.js';
import type { CoordinatorDeps } from '../deps.js';
import type { CoordinatorEnv } from '../env.js';
import { requireAddress, requireEpochList, requireUint } from '../params.js';
import { ownWallet } from '../middleware/auth.js';

export function credits(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const rigParam = c.req.query('rigId');
    const current = await deps.reader.currentEpoch();
    if (rigParam !== undefined) {
      const rigId = requireUint(rigParam, 'rigId');
      const operator = ownWallet(c.get('grant').miner, requireAddress(c.req.query('operator'), 'operator'));
      const epochs = await creditedEpochs(deps, { rigId });
      const rows = await Promise.all(epochs.map(async (e) => ({ epochId: e.toString(), ...stringify(await deps.reader.accountCredits(e, { rigId })) })));
      return c.json({ rigId: rigId.toString(), operator, currentEpochId: current.toString(), epochs: rows });
    }
    const miner = requireAddress(c.req.query('miner'), 'miner');
    const epochs = await creditedEpochs(deps, { miner });
    const rows = await Promise.all(epochs.map(async (e) => ({ epochId: e.toString(), ...stringify(await deps.reader.accountCredits(e, { miner })) })));
    return c.json({ miner, currentEpochId: current.toString(), epochs: rows });
  };
}

export function bonusStatus(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const epochs = requireEpochList(c.req.query('epochs'));
    const current = await deps.reader.currentEpoch();
    const rows = await Promise.all(
      epochs.map(async (epochId) => {
        const status = await deps.reader.epochStatus(c.req.query('rigId') === undefined ? 'mining' : 'rigMining', epochId);
        return {
          epochId: epochId.toString(),
          isBonusEpoch: status.bonusReward > 0n,
          claimsOpen: status.bonusReward > 0n && status.finalized && epochId < current,
          reward: formatUnits(status.bonusReward, 18),
          rewardRaw: status.bonusReward.toString(),
        };
      }),
    );
    return c.json({ enabled: true, ...rows[0], epochs: rows });
  };
}

/** Epochs in which the account earned credits, ascending. */
async function creditedEpochs(deps: CoordinatorDeps, account: { miner: Address } | { rigId: bigint }): Promise<bigint[]> {
  const logs =
    'miner' in account
      ? await deps.reader.client.getContractEvents({
          address: deps.reader.contracts.mining,
          abi: sandboxMiningAbi,
          eventName: 'CreditAccepted',
          args: { miner: account.miner },
          fromBlock: 0n,
        })
      : await deps.reader.client.getContractEvents({
          address: deps.reader.contracts.rigMining,
          abi: sandboxRigMiningAbi,
          eventName: 'RigCreditAccepted',
          args: { rigId: account.rigId },
          fromBlock: 0n,
        });
  const ids = new Set(logs.map((log) => BigInt((log as unknown as { args: { epochId: bigint } }).args.epochId)));
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function stringify(row: { credits: bigint; claimed: boolean; bonusClaimed: boolean }): { credits: string; claimed: boolean; bonusClaimed: boolean } {
  return { credits: row.credits.toString(), claimed: row.claimed, bonusClaimed: row.bonusClaimed };
}
