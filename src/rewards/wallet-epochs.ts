/**
 * The wallet lane's per-epoch reward state, read from the mining contract's public views
 * (spec/protocol.md §§10–11): an epoch is claimable when it has ended, was funded
 * (`epochReward > 0`), finalized, credits this miner (`credits > 0`), and is not yet `claimed`.
 */
import type { Address, PublicClient } from 'viem';
import { botcoinMiningAbi } from '../chain/abis/index.js';
import { mapLimited, readChain } from './read.js';

/**
 * How far back `claim` and `credits` look when no epochs are named: 64 epochs, the most one
 * claim transaction takes (64 days on mainnet's daily epochs). Older unclaimed epochs need
 * `--epochs`. Reads stay light: one `credits` call per epoch, the rest only where credited.
 */
export const SCAN_EPOCHS = 64;
/** Calls in flight at once; public RPC nodes throttle bursts. */
export const READ_CONCURRENCY = 8;

export type EpochBlocker = 'running' | 'no_credits' | 'not_funded' | 'not_finalized' | 'claimed';

export interface WalletEpochState {
  epochId: bigint;
  credits: bigint;
  totalCredits: bigint;
  reward: bigint;
  finalized: boolean;
  claimed: boolean;
  /** What a claim pays: reward × credits / totalCredits, rounded down as the contract does. */
  share: bigint;
  claimable: boolean;
  /** Why it is not claimable (the first unmet condition). */
  blocker?: EpochBlocker;
}

/** The ended epochs a scan covers: the `span` epochs before `current`, oldest first. */
export function scanEpochs(current: bigint, span: number = SCAN_EPOCHS): bigint[] {
  const first = current > BigInt(span) ? current - BigInt(span) : 0n;
  const epochs: bigint[] = [];
  for (let e = first; e < current; e++) epochs.push(e);
  return epochs;
}

/**
 * The state of each epoch for `miner`. Epochs without credits are reported with zeros and
 * `no_credits` (their other views are not read).
 */
export async function readWalletEpochs(
  publicClient: PublicClient,
  mining: Address,
  miner: Address,
  epochs: readonly bigint[],
  current: bigint,
): Promise<WalletEpochState[]> {
  const read = <T>(functionName: string, args: readonly unknown[]): Promise<T> =>
    readChain(() => publicClient.readContract({ address: mining, abi: botcoinMiningAbi, functionName, args }) as Promise<T>, `read ${functionName}() from ${mining}`);
  return mapLimited(epochs, READ_CONCURRENCY, async (epochId) => {
    const credits = await read<bigint>('credits', [epochId, miner]);
    if (credits === 0n) return epochState({ epochId, credits, totalCredits: 0n, reward: 0n, finalized: false, claimed: false }, current);
    const [totalCredits, reward, finalized, claimed] = await Promise.all([
      read<bigint>('totalCredits', [epochId]),
      read<bigint>('epochReward', [epochId]),
      read<boolean>('epochFinalized', [epochId]),
      read<boolean>('claimed', [epochId, miner]),
    ]);
    return epochState({ epochId, credits, totalCredits, reward, finalized, claimed }, current);
  });
}

/** Applies the claim rule to one epoch's views (pure). */
export function epochState(
  views: { epochId: bigint; credits: bigint; totalCredits: bigint; reward: bigint; finalized: boolean; claimed: boolean },
  current: bigint,
): WalletEpochState {
  const share = views.totalCredits > 0n ? (views.reward * views.credits) / views.totalCredits : 0n;
  const blocker: EpochBlocker | undefined =
    views.epochId >= current
      ? 'running'
      : views.credits === 0n
        ? 'no_credits'
        : views.reward === 0n
          ? 'not_funded'
          : !views.finalized
            ? 'not_finalized'
            : views.claimed
              ? 'claimed'
              : undefined;
  return { ...views, share, claimable: blocker === undefined, ...(blocker ? { blocker } : {}) };
}
