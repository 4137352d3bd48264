import { getAddress, isAddress, isHex, type Address, type Hex } from 'viem';
import { refusal } from './refuse.js';
import type { UntrustedTransaction } from './types.js';

/** The fields of an untrusted transaction, type-checked; nothing about their meaning yet. */
export interface ParsedTransaction {
  to: Address;
  chainId: number;
  value: bigint;
  data: Hex;
}

/**
 * Reads `{to, chainId, value, data}` as the coordinator sent them: `value` and `chainId` may be
 * numbers, decimal strings or hex strings (JSON carries big integers as strings).
 */
export function parseUntrustedTransaction(tx: UntrustedTransaction): ParsedTransaction {
  if (typeof tx.to !== 'string' || !isAddress(tx.to, { strict: false })) {
    throw refusal(`the transaction's "to" (${describe(tx.to)}) is not an address.`);
  }
  if (typeof tx.data !== 'string' || !isHex(tx.data) || tx.data.length % 2 !== 0) {
    throw refusal(`the transaction's "data" is not hex-encoded calldata.`);
  }
  const chainId = toInteger(tx.chainId);
  if (chainId === undefined || chainId > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw refusal(`the transaction's "chainId" (${describe(tx.chainId)}) is not a chain id.`);
  }
  const value = toInteger(tx.value);
  if (value === undefined) throw refusal(`the transaction's "value" (${describe(tx.value)}) is not an amount.`);
  return { to: getAddress(tx.to), chainId: Number(chainId), value, data: tx.data.toLowerCase() as Hex };
}

function toInteger(raw: unknown): bigint | undefined {
  if (typeof raw === 'bigint') return raw >= 0n ? raw : undefined;
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? BigInt(raw) : undefined;
  if (typeof raw === 'string' && /^(0x[0-9a-fA-F]+|[0-9]+)$/.test(raw.trim())) return BigInt(raw.trim());
  return undefined;
}

/** A short, safe rendering of an untrusted value for an error message. */
function describe(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'bigint' ? `${raw}` : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = typeof raw;
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
