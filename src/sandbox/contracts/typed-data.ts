import { readFileSync } from 'node:fs';
import type { Address, TypedDataDomain, TypedDataParameter } from 'viem';

interface Eip712Types {
  Receipt: TypedDataParameter[];
  RigReceipt: TypedDataParameter[];
}

const types = JSON.parse(readFileSync(new URL('./eip712-types.json', import.meta.url), 'utf8')) as Eip712Types;

/** EIP-712 types of the wallet-lane receipt (production V3/V4, spec/protocol.md §10). */
export const receiptTypes: { Receipt: TypedDataParameter[] } = { Receipt: types.Receipt };

/** EIP-712 types of the sandbox rig receipt (production's is not public). */
export const rigReceiptTypes: { RigReceipt: TypedDataParameter[] } = { RigReceipt: types.RigReceipt };

export interface ReceiptDomainParameters {
  chainId: number;
  verifyingContract: Address;
}

/** Domain of BotcoinMining: name "BotcoinMining", version "3" (V3) or "4" (V4). */
export function miningDomain(params: ReceiptDomainParameters & { version?: string }): TypedDataDomain {
  return { name: 'BotcoinMining', version: params.version ?? '3', chainId: params.chainId, verifyingContract: params.verifyingContract };
}

/** Domain of BotcoinMiningRigs: name "BotcoinMiningRigs", version "2". */
export function rigsDomain(params: ReceiptDomainParameters): TypedDataDomain {
  return { name: 'BotcoinMiningRigs', version: '2', chainId: params.chainId, verifyingContract: params.verifyingContract };
}
