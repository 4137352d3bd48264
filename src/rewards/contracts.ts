/**
 * Which allow-listed contract each rewards flow talks to. The allow-list may name several
 * contracts with one role (production lists BotcoinMiningV2, V3 and V4, and two BOTCOIN tokens),
 * so the choice is explicit: what the coordinator's skill file or the sandbox names wins over
 * the built-in table (it describes the deployment being mined), then the highest version.
 */
import type { Address } from 'viem';
import { rolesOf, type ContractRole } from '../chain/guard/roles.js';
import type { AllowList, AllowListEntry } from '../protocol/skill/allow-list.js';
import { MinerError } from '../errors.js';

export type RewardsLane = 'wallet' | 'rig';

export interface RewardsContracts {
  chainId: number;
  /** The BOTCOIN token the lane is paid in. */
  token: Address | undefined;
  /** The wallet-lane mining contract (staking, `claim`, `credits`). */
  mining: Address | undefined;
  /** The rig-lane mining contract (`claimRig`, `wouldBeAuthorizedMiner`, `rigNextIndex`). */
  rigMining: Address | undefined;
}

export function rewardsContracts(list: AllowList, lane: RewardsLane): RewardsContracts {
  return {
    chainId: list.chainId,
    token: pick(list, 'token', (entry) => (/rig/i.test(entry.names.join(' ')) === (lane === 'rig') ? 1 : 0)),
    mining: pick(list, 'mining', versionOf),
    rigMining: pick(list, 'rigMining', versionOf),
  };
}

/** The contract for `role`, or a CONFIG error saying the allow-list has none. */
export function requireContract(contracts: RewardsContracts, role: 'token' | 'mining' | 'rigMining'): Address {
  const address = contracts[role];
  if (address) return address;
  const what = { token: 'BOTCOIN token', mining: 'wallet-lane mining contract (BotcoinMining)', rigMining: 'rig mining contract (BotcoinMiningRigs)' }[role];
  throw new MinerError('CONFIG', `No ${what} is known for chain ${contracts.chainId}.`, {
    hint: "Check that the coordinator's skill file lists it (botcoin-miner skill), or use --sandbox for the local network.",
  });
}

function pick(list: AllowList, role: ContractRole, preference: (entry: AllowListEntry) => number): Address | undefined {
  const candidates = list.entries.filter((entry) => rolesOf(entry).includes(role));
  const score = (entry: AllowListEntry): number => (entry.sources.some((s) => s !== 'built-in') ? 1000 : 0) + preference(entry);
  return candidates.sort((a, b) => score(b) - score(a))[0]?.address;
}

/** `BotcoinMiningV4` → 4; unversioned names rank first among their source (the sandbox's `BotcoinMining`). */
function versionOf(entry: AllowListEntry): number {
  const versions = entry.names.map((name) => /v(\d+)\b/i.exec(name)?.[1]).filter((v): v is string => v !== undefined);
  return versions.length === 0 ? 999 : Math.max(...versions.map(Number));
}
