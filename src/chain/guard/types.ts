import type { Address, Hex } from 'viem';
import type { AllowList } from '../../protocol/skill/allow-list.js';

/**
 * A transaction as a coordinator hands it over (`{to, chainId, value, data}`): nothing in it is
 * trusted, not even its types, until `guardTransaction` has checked it.
 */
export interface UntrustedTransaction {
  to: unknown;
  chainId: unknown;
  value: unknown;
  data: unknown;
}

export type Lane = 'wallet' | 'rig';

/** What the flow that asked for this transaction expects it to do. */
export type GuardExpectation =
  | { kind: 'receipt'; lane: 'wallet'; miner: Address }
  /**
   * `declared`: the coordinator's `receipt.rigId` / `receipt.operator`, checked against ours
   * (protocol §5); required when the receipt's function cannot be decoded (opaque-rig-receipt.ts).
   */
  | { kind: 'receipt'; lane: 'rig'; rigId: bigint; operator: Address; declared?: { rigId: unknown; operator: unknown } }
  | { kind: 'claim'; lane: 'wallet'; epochs?: readonly bigint[] }
  | { kind: 'claim'; lane: 'rig'; rigId: bigint; epochs?: readonly bigint[] }
  | { kind: 'bonus_claim'; lane: 'wallet'; epochs?: readonly bigint[] }
  | { kind: 'bonus_claim'; lane: 'rig'; rigId: bigint; epochs?: readonly bigint[] }
  /** Money moves only on the user's explicit request, never because a coordinator offered it. */
  | { kind: 'stake' | 'approve'; userRequested: true; amount?: bigint }
  | { kind: 'unstake' | 'withdraw'; userRequested: true };

export interface GuardContext {
  /** The contracts this chain allows (`allowListFor(chainId, sources)`). */
  allowList: AllowList;
  /** The address that will sign and send the transaction. */
  sender: Address;
}

/** A transaction that passed every check and the simulation; only these get signed. */
export interface GuardedTransaction {
  from: Address;
  to: Address;
  chainId: number;
  value: 0n;
  data: Hex;
  /** The expectation it was checked against. */
  expectation: GuardExpectation;
  /** The allow-list names of the target contract, for logs and the ledger. */
  contractNames: string[];
  /** Decoded call, e.g. `submitReceipt` with its arguments by parameter name. */
  functionName: string;
  /** Canonical signature, e.g. `claim(uint64[])`. */
  functionSignature: string;
  args: Record<string, unknown>;
}
