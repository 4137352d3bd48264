import { getAddress, isAddressEqual, pad, toEventSelector, toHex, type Address, type Hex, type Log, type PublicClient } from 'viem';
import { isMinerError } from '../../errors.js';
import type { AllowListEntry } from '../../protocol/skill/allow-list.js';
import { checkDeclaredReceipt } from './expectations.js';
import { chainUnavailable, refusal, SimulationRevertedError } from './refuse.js';
import { classifyRevert } from './revert.js';
import { rolesOf } from './roles.js';
import { describeRevert, revertHint, simulateTransaction } from './simulate.js';
import type { GuardContext, GuardedTransaction, GuardExpectation } from './types.js';
import type { ParsedTransaction } from './untrusted.js';

type RigReceiptExpectation = Extract<GuardExpectation, { kind: 'receipt'; lane: 'rig' }>;

const RIG_CREDIT_ACCEPTED = toEventSelector('RigCreditAccepted(uint64,uint256,address,uint64,bytes32,bytes32,uint256)');
/** ERC-20 `Transfer` and `Approval`: a receipt submission moves no tokens and grants no allowance. */
const TOKEN_EVENTS = new Map<string, string>([
  [toEventSelector('Transfer(address,address,uint256)'), 'an ERC-20 Transfer'],
  [toEventSelector('Approval(address,address,uint256)'), 'an ERC-20 Approval'],
]);

/**
 * A rig-lane receipt whose function the miner cannot decode. Production's rig receipt function
 * is not public (spec/protocol.md §10), so the calldata stays opaque and protocol §5's checks
 * stand in for decoding: the target is the allow-listed rigs mining contract, the coordinator's
 * `receipt.rigId` and `receipt.operator` are ours, the sender is that operator (value and chain
 * id were checked by the caller), the calldata carries our rig id and operator as ABI words, and
 * a simulation shows what the call does. With `eth_simulateV1` (anvil, geth, reth) the simulated
 * logs must hold exactly one `RigCreditAccepted` for our rig and operator from that contract and
 * no ERC-20 `Transfer`/`Approval` from anywhere; a node without it must at least run the call
 * with `eth_call` without reverting.
 */
export async function guardOpaqueRigReceipt(
  publicClient: PublicClient,
  tx: ParsedTransaction,
  expectation: RigReceiptExpectation,
  context: GuardContext,
  entry: AllowListEntry,
): Promise<GuardedTransaction> {
  const selector = tx.data.slice(0, 10);
  if (!rolesOf(entry).includes('rigMining')) {
    throw refusal(`the calldata calls an unknown function ${selector} on ${entry.names.join(' / ')} (${entry.address}), which is not the rigs mining contract.`);
  }
  checkDeclaredReceipt(expectation);
  if (!isAddressEqual(expectation.operator, context.sender)) {
    throw refusal(`the receipt's operator is ${expectation.operator}, but ${context.sender} would send it.`, 'Send rig receipts from the operator wallet the receipt names.');
  }
  const words = abiWords(tx.data);
  const rigWord = pad(toHex(expectation.rigId), { size: 32 }).toLowerCase();
  const operatorWord = pad(expectation.operator.toLowerCase() as Hex, { size: 32 }).toLowerCase();
  if (!words.includes(rigWord)) throw refusal(`the calldata of ${selector} does not carry rig ${expectation.rigId} as an ABI word.`);
  if (!words.includes(operatorWord)) throw refusal(`the calldata of ${selector} does not carry operator ${expectation.operator} as an ABI word.`);

  await simulateOpaque(publicClient, { from: context.sender, to: tx.to, data: tx.data }, expectation);
  return {
    from: context.sender,
    to: tx.to,
    chainId: tx.chainId,
    value: 0n,
    data: tx.data,
    expectation,
    contractNames: entry.names,
    functionName: 'unknown',
    functionSignature: selector,
    args: { rigId: expectation.rigId, operator: expectation.operator },
  };
}

/** The 32-byte words after the selector, lower-case, 0x-prefixed. */
function abiWords(data: Hex): string[] {
  const body = data.slice(10).toLowerCase();
  const words: string[] = [];
  for (let i = 0; i + 64 <= body.length; i += 64) words.push(`0x${body.slice(i, i + 64)}`);
  return words;
}

async function simulateOpaque(publicClient: PublicClient, call: { from: Address; to: Address; data: Hex }, expectation: RigReceiptExpectation): Promise<void> {
  let logs: readonly Log[];
  try {
    const [block] = await publicClient.simulateBlocks({ blocks: [{ calls: [{ account: call.from, to: call.to, data: call.data, value: 0n }] }] });
    const result = block?.calls[0];
    if (!result) throw chainUnavailable('simulate the transaction with eth_simulateV1', new Error('empty result'));
    if (result.status === 'failure') {
      const reason = classifyRevert(result.data) ?? { name: 'unknown', args: [] };
      throw new SimulationRevertedError(`the simulation reverts with ${describeRevert(reason)}.`, reason, revertHint(reason.name));
    }
    logs = result.logs ?? [];
  } catch (error) {
    if (isMinerError(error)) throw error;
    if (isUnsupported(error)) {
      await simulateTransaction(publicClient, call);
      return;
    }
    const reason = classifyRevert(error);
    if (reason) throw new SimulationRevertedError(`the simulation reverts with ${describeRevert(reason)}.`, reason, revertHint(reason.name));
    throw chainUnavailable('simulate the transaction with eth_simulateV1', error);
  }
  checkSimulatedLogs(logs, call.to, expectation);
}

function checkSimulatedLogs(logs: readonly Log[], contract: Address, expectation: RigReceiptExpectation): void {
  for (const log of logs) {
    const what = TOKEN_EVENTS.get((log.topics[0] ?? '').toLowerCase());
    if (what) throw refusal(`the simulated call emits ${what} from ${getAddress(log.address)}; a receipt submission moves no tokens.`);
  }
  const credits = logs.filter((log) => (log.topics[0] ?? '').toLowerCase() === RIG_CREDIT_ACCEPTED);
  if (credits.length !== 1) throw refusal(`the simulated call emits ${credits.length} RigCreditAccepted events; a receipt credits exactly one solve.`);
  const [credit] = credits as [Log];
  const rigId = credit.topics[2] ? BigInt(credit.topics[2]) : undefined;
  const operator = credit.topics[3] ? getAddress(`0x${credit.topics[3].slice(26)}`) : undefined;
  if (!isAddressEqual(credit.address, contract) || rigId !== expectation.rigId || !operator || !isAddressEqual(operator, expectation.operator)) {
    throw refusal(`the simulated RigCreditAccepted credits rig ${String(rigId)} / operator ${String(operator)} at ${getAddress(credit.address)}, not this rig and operator at ${contract}.`);
  }
}

/** The node does not offer eth_simulateV1 (method not found / not supported). */
function isUnsupported(error: unknown): boolean {
  let current: unknown = error;
  while (current) {
    const code = (current as { code?: unknown }).code;
    const message = String((current as { message?: unknown }).message ?? '');
    if (code === -32601 || code === -32004 || /method not found|not supported|does not exist|unknown method/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
