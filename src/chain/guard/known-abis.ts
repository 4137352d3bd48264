import { readFileSync } from 'node:fs';
import { parseAbi, type Abi } from 'viem';
import { botcoinMiningAbi, botcoinMiningRigsAbi, botcoinTokenAbi } from '../abis/index.js';
import type { ContractRole } from './roles.js';

interface ExtraAbi {
  rigReceiptFunctions: string[];
  errors: string[];
}

const extra = JSON.parse(readFileSync(new URL('./extra-abi.json', import.meta.url), 'utf8')) as ExtraAbi;

/** The rig-lane receipt functions the guard can read (extra-abi.json explains why so few). */
export const rigReceiptAbi: Abi = parseAbi(extra.rigReceiptFunctions) as Abi;

const extraErrorsAbi: Abi = parseAbi(extra.errors) as Abi;

/** What a contract of each role may be called with, as far as the miner knows. */
const abiByRole: Record<ContractRole, Abi> = {
  token: botcoinTokenAbi,
  mining: botcoinMiningAbi,
  rigMining: [...botcoinMiningRigsAbi, ...rigReceiptAbi],
  rigBonus: botcoinMiningRigsAbi,
};

export function abiForRole(role: ContractRole): Abi {
  return abiByRole[role];
}

/**
 * Every fragment the miner knows, for decoding calldata of any target, revert data and logs.
 * Fragments both mining contracts share (`currentEpoch`) appear twice; every lookup takes the first.
 */
export const knownAbi: Abi = [...botcoinMiningAbi, ...botcoinMiningRigsAbi, ...rigReceiptAbi, ...botcoinTokenAbi, ...extraErrorsAbi];
