import { readFileSync } from 'node:fs';
import type { Address, Hex, PublicClient } from 'viem';
import { chainUnavailable, SimulationRevertedError } from './refuse.js';
import { classifyRevert, type RevertReason } from './revert.js';

interface RevertHints {
  hints: Record<string, string>;
}

const { hints } = JSON.parse(readFileSync(new URL('./revert-hints.json', import.meta.url), 'utf8')) as RevertHints;

/** The next step for a named revert, or a generic one. */
export function revertHint(name: string): string {
  return hints[name] ?? 'Nothing was signed or sent; the contract would reject this transaction.';
}

export function describeRevert(reason: RevertReason): string {
  const args = reason.args.length > 0 ? `(${reason.args.map(String).join(', ')})` : '';
  return reason.name === 'unknown' ? `an unrecognised error${reason.data ? ` (${reason.data.slice(0, 74)})` : ''}` : `${reason.name}${args}`;
}

/**
 * Runs the transaction as `eth_call` from the sender at the latest block. A revert refuses the
 * transaction with the decoded error name; a node that cannot answer is CHAIN_UNAVAILABLE.
 */
export async function simulateTransaction(
  publicClient: PublicClient,
  tx: { from: Address; to: Address; data: Hex },
): Promise<void> {
  try {
    await publicClient.call({ account: tx.from, to: tx.to, data: tx.data, value: 0n });
  } catch (error) {
    const reason = classifyRevert(error);
    if (reason) throw new SimulationRevertedError(`the simulation reverts with ${describeRevert(reason)}.`, reason, revertHint(reason.name));
    throw chainUnavailable('simulate the transaction', error);
  }
}
