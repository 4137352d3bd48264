import { readFileSync } from 'node:fs';
import type { Abi } from 'viem';

/**
 * Client ABIs of the production contracts (spec/protocol.md §10): only the fragments the miner
 * calls or decodes. The transaction guard decodes calldata against these, so they hold public,
 * production-compatible signatures only — never the sandbox's own rig receipt function.
 */
function loadAbi(file: string): Abi {
  return JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as Abi;
}

/** BotcoinMining V3/V4 (wallet lane): receipts, staking, epochs, claims, errors, `CreditAccepted`. */
export const botcoinMiningAbi: Abi = loadAbi('botcoin-mining.json');

/** BotcoinMiningRigs (rig lane): claims, authorization, the per-rig cursor, `RigCreditAccepted`. */
export const botcoinMiningRigsAbi: Abi = loadAbi('botcoin-mining-rigs.json');

/** The BOTCOIN ERC-20 calls a miner makes (approve before staking, transfers, balances). */
export const botcoinTokenAbi: Abi = loadAbi('botcoin-token.json');
