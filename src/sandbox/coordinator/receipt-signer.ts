/**
 * Signs receipts with the coordinator key the contracts trust (EIP-712) and builds the
 * ready-to-send transaction. Big integers leave as decimal strings (spec/protocol.md §1).
 */
import { encodeFunctionData, type Address, type Hex, type LocalAccount, type TypedDataDomain } from 'viem';
import { sandboxMiningAbi, sandboxRigMiningAbi, receiptTypes, rigReceiptTypes } from '../contracts/index.js';
import { receiptContentArgs, type ReceiptContent } from './receipt-content.js';

export interface TransactionRequest {
  to: Address;
  chainId: number;
  value: string;
  data: Hex;
}

export interface SignedReceipt {
  receipt: Record<string, string | number>;
  signature: Hex;
  transaction: TransactionRequest;
}

/** The contracts' EIP-712 domains, as read from chain (EIP-5267 `eip712Domain()`). */
export interface ReceiptDomains {
  chainId: number;
  mining: TypedDataDomain & { verifyingContract: Address };
  rigMining: TypedDataDomain & { verifyingContract: Address };
}

export async function signWalletReceipt(
  signer: LocalAccount,
  domains: ReceiptDomains,
  miner: Address,
  content: ReceiptContent,
): Promise<SignedReceipt> {
  const signature = await signer.signTypedData({
    domain: domains.mining,
    types: receiptTypes,
    primaryType: 'Receipt',
    message: { miner, ...content },
  });
  const data = encodeFunctionData({
    abi: sandboxMiningAbi,
    functionName: 'submitReceipt',
    args: [...receiptContentArgs(content), signature],
  });
  return {
    receipt: { miner, ...receiptJson(content) },
    signature,
    transaction: { to: domains.mining.verifyingContract, chainId: domains.chainId, value: '0', data },
  };
}

export async function signRigReceipt(
  signer: LocalAccount,
  domains: ReceiptDomains,
  rigId: bigint,
  operator: Address,
  content: ReceiptContent,
): Promise<SignedReceipt> {
  const signature = await signer.signTypedData({
    domain: domains.rigMining,
    types: rigReceiptTypes,
    primaryType: 'RigReceipt',
    message: { rigId, operator, ...content },
  });
  const data = encodeFunctionData({
    abi: sandboxRigMiningAbi,
    functionName: 'submitRigReceipt',
    args: [rigId, operator, ...receiptContentArgs(content), signature],
  });
  return {
    receipt: { rigId: rigId.toString(), operator, ...receiptJson(content) },
    signature,
    transaction: { to: domains.rigMining.verifyingContract, chainId: domains.chainId, value: '0', data },
  };
}

function receiptJson(c: ReceiptContent): Record<string, string | number> {
  return {
    epochId: c.epochId.toString(),
    solveIndex: c.solveIndex.toString(),
    prevReceiptHash: c.prevReceiptHash,
    challengeId: c.challengeId,
    commit: c.commit,
    docHash: c.docHash,
    questionsHash: c.questionsHash,
    constraintsHash: c.constraintsHash,
    answersHash: c.answersHash,
    worldSeed: c.worldSeed.toString(),
    rulesVersion: c.rulesVersion,
  };
}
