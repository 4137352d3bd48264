/**
 * The sandbox's wallets are anvil's well-known dev accounts (the default mnemonic), not random
 * keys: anvil funds them with ETH at genesis (no funding transactions, faster start), they are
 * the same after a `--state` restart, and tests can name them by index. Their keys are public,
 * which is harmless because the sandbox refuses public chain ids (see chain/anvil.ts).
 */
import { readFileSync } from 'node:fs';
import type { Hex } from 'viem';

/** Which dev account plays which role. `stranger` holds nothing (tests use it as an outsider). */
export const SANDBOX_ACCOUNT = {
  owner: 0,
  coordinatorSigner: 1,
  miner: 2,
  operator: 3,
  rigHolder: 4,
  stranger: 5,
  student: 6,
  evaluator: 7,
  /** Pays the gas of the in-process x402 facilitator's settlements. */
  facilitator: 8,
} as const;
export type SandboxRole = keyof typeof SANDBOX_ACCOUNT;

const devKeys = (JSON.parse(readFileSync(new URL('./dev-keys.json', import.meta.url), 'utf8')) as { keys: Hex[] }).keys;

/** The private key of anvil dev account `index` (0–9, the accounts anvil funds). */
export function devKey(index: number): Hex {
  const key = devKeys[index];
  if (key === undefined) throw new RangeError(`anvil funds dev accounts 0-${devKeys.length - 1}, not ${index}`);
  return key;
}
