import type { PublicClient } from 'viem';
import { findAllowed } from '../../protocol/skill/allow-list.js';
import { decodeCall, isKnownSelector } from './decode.js';
import { checkArguments } from './expectations.js';
import { flowRule } from './flows.js';
import { guardOpaqueRigReceipt } from './opaque-rig-receipt.js';
import { chainUnavailable, refusal } from './refuse.js';
import { rolesOf } from './roles.js';
import { simulateTransaction } from './simulate.js';
import type { GuardContext, GuardedTransaction, GuardExpectation, UntrustedTransaction } from './types.js';
import { parseUntrustedTransaction } from './untrusted.js';

/**
 * The transaction guard (spec/miner.md "Money and keys"): nothing is signed unless this returns.
 * It refuses (GUARD_REFUSED, exit code 6) unless `value` is 0, the transaction's chain id is the
 * connected chain's (asked with eth_chainId, never taken from the transaction) and the
 * allow-list's, the target is allow-listed for that chain and is the right contract for the
 * function, the calldata decodes to a function this flow expects with arguments naming this
 * wallet (or rig and operator), and an `eth_call` from the sender succeeds. A rig receipt with
 * an unknown selector takes the opaque path (opaque-rig-receipt.ts).
 */
export async function guardTransaction(
  publicClient: PublicClient,
  untrusted: UntrustedTransaction,
  expectation: GuardExpectation,
  context: GuardContext,
): Promise<GuardedTransaction> {
  const tx = parseUntrustedTransaction(untrusted);
  if (tx.value !== 0n) throw refusal(`the transaction sends ${tx.value} wei; mining transactions never carry value.`);

  const connected = await connectedChainId(publicClient);
  if (tx.chainId !== connected) {
    throw refusal(`the transaction is for chain ${tx.chainId}, but the RPC node is on chain ${connected}.`, 'Use an RPC URL for the coordinator\'s chain, or a coordinator for this chain.');
  }
  if (context.allowList.chainId !== connected) {
    throw refusal(`the contract allow-list is for chain ${context.allowList.chainId}, not the connected chain ${connected}.`, 'Build the allow-list for the chain the RPC node serves.');
  }

  const entry = findAllowed(context.allowList, tx.to);
  if (!entry) throw refusal(`${tx.to} is not an allow-listed contract on chain ${connected}.`);

  // Production's rig receipt function is not public: such calldata gets protocol §5's checks and an event-checked simulation instead of a decode.
  if (expectation.kind === 'receipt' && expectation.lane === 'rig' && !isKnownSelector(tx.data)) {
    return guardOpaqueRigReceipt(publicClient, tx, expectation, context, entry);
  }
  const call = decodeCall(tx.data);
  const rule = flowRule(expectation);
  if (!rule.signatures.includes(call.signature)) {
    throw refusal(`the calldata calls ${call.signature}, which is not ${rule.label}.`);
  }
  if (!rolesOf(entry).some((role) => rule.roles.includes(role))) {
    throw refusal(`${call.signature} is sent to ${entry.names.join(' / ')} (${entry.address}), which is not the contract for ${rule.label}.`);
  }

  await checkArguments(publicClient, call, expectation, context, tx.to);
  await simulateTransaction(publicClient, { from: context.sender, to: tx.to, data: tx.data });

  return {
    from: context.sender,
    to: tx.to,
    chainId: connected,
    value: 0n,
    data: tx.data,
    expectation,
    contractNames: entry.names,
    functionName: call.functionName,
    functionSignature: call.signature,
    args: call.args,
  };
}

async function connectedChainId(publicClient: PublicClient): Promise<number> {
  try {
    return await publicClient.getChainId();
  } catch (error) {
    throw chainUnavailable('ask the node for its chain id', error);
  }
}
