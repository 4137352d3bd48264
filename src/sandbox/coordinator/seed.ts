/**
 * Challenge seeds. A seed is 128 bits derived from (epoch secret, lane identity, on-chain
 * cursor, request nonce): the same request gets the same challenge, a new nonce or a moved
 * cursor gets a new one, and nobody without the epoch secret can predict it.
 */
import { encodeAbiParameters, keccak256, type Hex } from 'viem';

export interface SeedInput {
  epochSecret: Hex;
  /** `wallet:<lower-case miner>` or `rig:<rigId>`. */
  identity: string;
  cursor: bigint;
  nonce: string;
}

export function deriveSeed(input: SeedInput): bigint {
  const digest = keccak256(
    encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'string' }, { type: 'uint64' }, { type: 'string' }],
      [input.epochSecret, input.identity, input.cursor, input.nonce],
    ),
  );
  return BigInt(digest) >> 128n;
}

/** The generator domain a seed picks (stable as long as the domain list is). */
export function domainForSeed(seed: bigint, domains: readonly string[]): string {
  const domain = domains[Number(seed % BigInt(domains.length))];
  if (!domain) throw new Error('The challenge generator lists no domains.');
  return domain;
}
