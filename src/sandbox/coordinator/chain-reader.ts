/**
 * Everything the coordinator reads from chain: the epoch clock, commits, the miner's and the
 * rig's receipt cursors, eligibility and credits. Reads go to the latest block; the cursors
 * decide which challenge a request gets, so they are never cached.
 */
import { zeroAddress, type Abi, type Address, type Hex, type PublicClient } from 'viem';
import { sandboxMiningAbi, sandboxRigMiningAbi, sandboxRigNftAbi } from '../contracts/index.js';
import type { CoordinatorContracts } from './config.js';

export interface EpochClock {
  genesisTimestamp: bigint;
  epochDurationSeconds: bigint;
}

export interface MinerPosition {
  nextIndex: bigint;
  lastReceiptHash: Hex;
  eligible: boolean;
  creditsPerSolve: number;
}

export interface RigPosition {
  exists: boolean;
  authorized: boolean;
  creditsPerSolve: number;
  nextIndex: bigint;
  lastReceiptHash: Hex;
}

export interface EpochStatus {
  commit: Hex;
  secret: Hex;
  reward: bigint;
  bonusReward: bigint;
  finalized: boolean;
  totalCredits: bigint;
}

/** The two contracts that run epochs (EpochRewards.sol): the wallet lane and the rig lane. */
export type RewardsContract = 'mining' | 'rigMining';

export type ReaderContracts = CoordinatorContracts & { rigNft: Address };

export class ChainReader {
  constructor(
    readonly client: PublicClient,
    readonly contracts: ReaderContracts,
  ) {}

  static async connect(client: PublicClient, contracts: CoordinatorContracts): Promise<ChainReader> {
    const reader = new ChainReader(client, { ...contracts, rigNft: zeroAddress });
    const rigNft = await reader.read<Address>(contracts.rigMining, sandboxRigMiningAbi, 'rigNFT');
    return new ChainReader(client, { ...contracts, rigNft });
  }

  address(which: RewardsContract): Address {
    return this.contracts[which];
  }

  currentEpoch(): Promise<bigint> {
    return this.read<bigint>(this.contracts.mining, sandboxMiningAbi, 'currentEpoch');
  }

  async clock(): Promise<EpochClock> {
    const [genesisTimestamp, epochDurationSeconds] = await Promise.all([
      this.read<bigint>(this.contracts.mining, sandboxMiningAbi, 'genesisTimestamp'),
      this.read<bigint>(this.contracts.mining, sandboxMiningAbi, 'epochDuration'),
    ]);
    return { genesisTimestamp, epochDurationSeconds };
  }

  epochCommit(which: RewardsContract, epochId: bigint): Promise<Hex> {
    return this.read<Hex>(this.address(which), sandboxMiningAbi, 'epochCommit', [epochId]);
  }

  async epochStatus(which: RewardsContract, epochId: bigint): Promise<EpochStatus> {
    const address = this.address(which);
    const read = <T>(fn: string): Promise<T> => this.read<T>(address, sandboxMiningAbi, fn, [epochId]);
    const [commit, secret, reward, bonusReward, finalized, totalCredits] = await Promise.all([
      read<Hex>('epochCommit'),
      read<Hex>('epochSecret'),
      read<bigint>('epochReward'),
      read<bigint>('bonusReward'),
      read<boolean>('epochFinalized'),
      read<bigint>('totalCredits'),
    ]);
    return { commit, secret, reward, bonusReward, finalized, totalCredits };
  }

  async minerPosition(miner: Address): Promise<MinerPosition> {
    const mining = this.contracts.mining;
    const [nextIndex, lastReceiptHash, eligible, staked, tierCount] = await Promise.all([
      this.read<bigint>(mining, sandboxMiningAbi, 'nextIndex', [miner]),
      this.read<Hex>(mining, sandboxMiningAbi, 'lastReceiptHash', [miner]),
      this.read<boolean>(mining, sandboxMiningAbi, 'isEligible', [miner]),
      this.read<bigint>(mining, sandboxMiningAbi, 'stakedAmount', [miner]),
      this.read<bigint>(mining, sandboxMiningAbi, 'tierCount'),
    ]);
    const tiers = await Promise.all(
      Array.from({ length: Number(tierCount) }, (_, i) =>
        this.read<readonly [bigint, bigint]>(mining, sandboxMiningAbi, 'getTier', [BigInt(i)]),
      ),
    );
    // The highest tier whose threshold the stake reaches, as the contract computes it.
    const tier = tiers.filter(([threshold]) => staked >= threshold).at(-1);
    return { nextIndex, lastReceiptHash, eligible, creditsPerSolve: Number(tier?.[1] ?? 0n) };
  }

  async rigPosition(rigId: bigint, operator: Address, epochId: bigint): Promise<RigPosition> {
    const { rigMining, rigNft } = this.contracts;
    const [holder, authorized, credits, nextIndex, lastReceiptHash] = await Promise.all([
      this.read<Address>(rigNft, sandboxRigNftAbi, 'holderOf', [rigId]),
      this.read<boolean>(rigMining, sandboxRigMiningAbi, 'wouldBeAuthorizedMiner', [rigId, operator, epochId]),
      this.read<bigint>(rigNft, sandboxRigNftAbi, 'creditsPerSolve', [rigId]),
      this.read<bigint>(rigMining, sandboxRigMiningAbi, 'rigNextIndex', [rigId]),
      this.read<Hex>(rigMining, sandboxRigMiningAbi, 'rigLastReceiptHash', [rigId]),
    ]);
    return { exists: holder !== zeroAddress, authorized, creditsPerSolve: Number(credits), nextIndex, lastReceiptHash };
  }

  async accountCredits(epochId: bigint, account: { miner: Address } | { rigId: bigint }): Promise<{ credits: bigint; claimed: boolean; bonusClaimed: boolean }> {
    const [address, abi, prefix, key] =
      'miner' in account
        ? ([this.contracts.mining, sandboxMiningAbi, '', account.miner] as const)
        : ([this.contracts.rigMining, sandboxRigMiningAbi, 'rig', account.rigId] as const);
    const name = (base: string): string => (prefix ? `${prefix}${base[0]?.toUpperCase()}${base.slice(1)}` : base);
    const [credits, claimed, bonusClaimed] = await Promise.all([
      this.read<bigint>(address, abi, name('credits'), [epochId, key]),
      this.read<boolean>(address, abi, name('claimed'), [epochId, key]),
      this.read<boolean>(address, abi, name('bonusClaimed'), [epochId, key]),
    ]);
    return { credits, claimed, bonusClaimed };
  }

  /** One view call; the sandbox ABIs are untyped JSON, so callers name the result type. */
  read<T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
    return this.client.readContract({ address, abi, functionName, args }) as Promise<T>;
  }
}
