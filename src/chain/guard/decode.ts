import { decodeFunctionData, encodeFunctionData, toFunctionSelector, toFunctionSignature, type AbiFunction, type Hex } from 'viem';
import { knownAbi } from './known-abis.js';
import { refusal } from './refuse.js';

/** A call the guard could read: which function, and its arguments by parameter name. */
export interface DecodedCall {
  functionName: string;
  /** Canonical signature, e.g. `approve(address,uint256)`: tells overloads apart. */
  signature: string;
  args: Record<string, unknown>;
}

const functions: AbiFunction[] = knownAbi.filter((item): item is AbiFunction => item.type === 'function');

/** Whether the calldata's selector is a function of any ABI the miner knows. */
export function isKnownSelector(data: Hex): boolean {
  const selector = data.slice(0, 10).toLowerCase();
  return data.length >= 10 && functions.some((f) => toFunctionSelector(f) === selector);
}

/**
 * Decodes calldata against every ABI the miner knows. Refuses an unknown selector, and calldata
 * that is not exactly the canonical encoding of its arguments (trailing or re-arranged bytes
 * have no business in a transaction the coordinator built with a standard encoder).
 */
export function decodeCall(data: Hex): DecodedCall {
  const selector = data.slice(0, 10).toLowerCase();
  const fragment = data.length >= 10 ? functions.find((f) => toFunctionSelector(f) === selector) : undefined;
  if (!fragment) {
    throw refusal(`the calldata's function selector ${data.length >= 10 ? selector : '(none)'} is not a function of any known contract.`);
  }
  const signature = toFunctionSignature(fragment);
  let args: readonly unknown[];
  try {
    args = decodeFunctionData({ abi: [fragment], data }).args ?? [];
  } catch (error) {
    throw refusal(`the calldata for ${signature} does not decode.`, undefined, (error as Error).message.split('\n')[0]);
  }
  if (encodeFunctionData({ abi: [fragment], functionName: fragment.name, args }).toLowerCase() !== data.toLowerCase()) {
    throw refusal(`the calldata for ${signature} is not the canonical encoding of its arguments (extra or reordered bytes).`);
  }
  const named: Record<string, unknown> = {};
  fragment.inputs.forEach((input, index) => {
    named[input.name || `arg${index}`] = args[index];
  });
  return { functionName: fragment.name, signature, args: named };
}
