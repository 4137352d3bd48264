import { toFunctionSignature, type AbiFunction } from 'viem';
import { rigReceiptAbi } from './known-abis.js';
import type { ContractRole } from './roles.js';
import type { GuardExpectation } from './types.js';

/** What one flow may send: these functions, to a contract with one of these roles. */
export interface FlowRule {
  label: string;
  signatures: readonly string[];
  roles: readonly ContractRole[];
}

const rigReceiptSignatures = rigReceiptAbi
  .filter((item): item is AbiFunction => item.type === 'function')
  .map((fragment) => toFunctionSignature(fragment));

/**
 * The whole menu (spec/miner.md "Money and keys"): receipt submit, claim, bonus claim, and
 * staking calls the user asked for. ERC-20 `transfer`/`transferFrom` are on no flow's list.
 */
const rules: Record<string, FlowRule> = {
  'receipt/wallet': { label: 'a wallet-lane receipt', signatures: ['submitReceipt(uint64,uint64,bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,uint128,uint32,bytes)'], roles: ['mining'] },
  'receipt/rig': { label: 'a rig-lane receipt', signatures: rigReceiptSignatures, roles: ['rigMining'] },
  'claim/wallet': { label: 'a wallet-lane claim', signatures: ['claim(uint64[])'], roles: ['mining'] },
  'claim/rig': { label: 'a rig claim', signatures: ['claimRig(uint256,uint64[])'], roles: ['rigMining'] },
  'bonus_claim/wallet': { label: 'a wallet-lane bonus claim', signatures: ['claimBonus(uint64[])'], roles: ['mining'] },
  // Production's rig bonus claims may live on RigAwareBonusEpoch; the sandbox keeps them on the rig contract.
  'bonus_claim/rig': { label: 'a rig bonus claim', signatures: ['claimBonus(uint256,uint64[])'], roles: ['rigMining', 'rigBonus'] },
  stake: { label: 'a stake', signatures: ['stake(uint256)'], roles: ['mining'] },
  approve: { label: 'a token approval for staking', signatures: ['approve(address,uint256)'], roles: ['token'] },
  unstake: { label: 'an unstake', signatures: ['unstake()'], roles: ['mining'] },
  withdraw: { label: 'a withdrawal', signatures: ['withdraw()'], roles: ['mining'] },
};

export function flowRule(expectation: GuardExpectation): FlowRule {
  const key = 'lane' in expectation ? `${expectation.kind}/${expectation.lane}` : expectation.kind;
  const rule = rules[key];
  if (!rule) throw new TypeError(`no guard flow for ${key}`);
  return rule;
}
