/**
 * The networks an evaluator can be paid on, by the names the CLI uses. x402 v2 names networks
 * in CAIP-2 form (`eip155:<chainId>`); the sandbox chain is `eip155:31337` (or whatever chain id
 * the local sandbox runs), whose test USDC shares Base's EIP-712 domain ("USD Coin"/"2").
 */
import { readFileSync } from 'node:fs';
import { getAddress, parseUnits, type Address } from 'viem';
import { MinerError } from '../../errors.js';

export const networkNames = ['sandbox', 'base', 'base-sepolia'] as const;
export type NetworkName = (typeof networkNames)[number];

/** `eip155:<chainId>`: the x402 v2 network id. */
export type Caip2 = `eip155:${number}`;

/** The token a price is paid in, with the EIP-712 domain its EIP-3009 authorizations use. */
export interface AssetTerms {
  address: Address;
  /** EIP-712 domain name and version (x402 puts them in the terms' `extra`). */
  name: string;
  version: string;
  decimals: number;
}

interface NetworkEntry {
  chainId: number;
  usdc: string | null;
  eip712: { name: string; version: string };
  decimals: number;
  facilitatorUrl: string | null;
}

const table = JSON.parse(readFileSync(new URL('./networks.json', import.meta.url), 'utf8')) as Record<NetworkName, NetworkEntry>;

export function isNetworkName(value: string): value is NetworkName {
  return (networkNames as readonly string[]).includes(value);
}

export function caip2(chainId: number): Caip2 {
  return `eip155:${chainId}`;
}

/** The chain id inside a CAIP-2 `eip155:<id>` network id, or undefined for anything else. */
export function chainIdOf(network: string): number | undefined {
  const match = /^eip155:(\d+)$/.exec(network);
  return match ? Number(match[1]) : undefined;
}

/** The USDC of a named network. The sandbox has no fixed address: pass the deployed one. */
export function usdcOf(name: NetworkName, sandboxUsdc?: string): AssetTerms {
  const entry = table[name];
  const address = entry.usdc ?? sandboxUsdc;
  if (!address) {
    throw new MinerError('CONFIG', 'The sandbox test USDC address is unknown.', {
      hint: 'Run `botcoin-miner sandbox up` (it writes sandbox.json) or pass --usdc <address>.',
    });
  }
  return { address: getAddress(address), name: entry.eip712.name, version: entry.eip712.version, decimals: entry.decimals };
}

export function networkIdOf(name: NetworkName, sandboxChainId?: number): Caip2 {
  return caip2(name === 'sandbox' ? (sandboxChainId ?? table.sandbox.chainId) : table[name].chainId);
}

/** The public facilitator for a network, when there is a keyless one (Base Sepolia). */
export function defaultFacilitatorUrl(name: NetworkName): string | undefined {
  return table[name].facilitatorUrl ?? undefined;
}

/** "0.001" USD → 1000 atomic units of a 6-decimal token. Refuses non-positive or malformed prices. */
export function priceToAtomic(price: string, decimals: number): bigint {
  if (!/^\d+(\.\d+)?$/.test(price)) {
    throw new MinerError('BAD_USAGE', `Invalid price "${price}".`, { hint: 'Give a decimal amount in USD, e.g. 0.001.' });
  }
  const atomic = parseUnits(price, decimals);
  if (atomic <= 0n) {
    throw new MinerError('BAD_USAGE', `The price "${price}" rounds to zero token units.`, {
      hint: `Give at least ${1 / 10 ** decimals} USD.`,
    });
  }
  return atomic;
}
