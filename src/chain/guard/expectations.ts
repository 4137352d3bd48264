import { BaseError, ContractFunctionZeroDataError, isAddressEqual, type Address, type PublicClient } from 'viem';
import { botcoinMiningAbi } from '../abis/index.js';
import type { DecodedCall } from './decode.js';
import { chainUnavailable, refusal } from './refuse.js';
import { classifyRevert } from './revert.js';
import { addressesWithRole } from './roles.js';
import type { GuardContext, GuardExpectation } from './types.js';

const FRESH_WORK = 'Discard this receipt and request fresh work.';

/**
 * Checks the decoded arguments against what the flow expects: the receipt names this wallet
 * (or this rig and operator) and the running epoch, claims name our rig and epochs, approvals
 * go to a mining contract, amounts are the ones the user asked for.
 */
export async function checkArguments(
  publicClient: PublicClient,
  call: DecodedCall,
  expectation: GuardExpectation,
  context: GuardContext,
  to: Address,
): Promise<void> {
  const { args } = call;
  const { sender } = context;
  switch (expectation.kind) {
    case 'receipt':
      if (expectation.lane === 'wallet') {
        // The contract credits msg.sender; a receipt signed for anyone else only reverts or, worse, credits them.
        if (!isAddressEqual(expectation.miner, sender)) {
          throw refusal(`the receipt is for miner ${expectation.miner}, but ${sender} would send it (the contract credits the sender).`, 'Send wallet-lane receipts from the miner wallet that solved the challenge.');
        }
      } else {
        if (args.rigId !== expectation.rigId) throw refusal(`the receipt is for rig ${String(args.rigId)}, not this rig (${expectation.rigId}).`, FRESH_WORK);
        if (!sameAddress(args.operator, expectation.operator)) {
          throw refusal(`the receipt names operator ${String(args.operator)}, not this operator (${expectation.operator}).`, FRESH_WORK);
        }
        if (expectation.declared) checkDeclaredReceipt(expectation);
        if (!isAddressEqual(expectation.operator, sender)) {
          throw refusal(`the receipt's operator is ${expectation.operator}, but ${sender} would send it.`, 'Send rig receipts from the operator wallet the receipt names.');
        }
      }
      await checkCurrentEpoch(publicClient, to, args.epochId);
      return;
    case 'claim':
    case 'bonus_claim':
      if (expectation.lane === 'rig' && args.rigId !== expectation.rigId) {
        throw refusal(`the claim is for rig ${String(args.rigId)}, not rig ${expectation.rigId}.`);
      }
      if (expectation.epochs) checkEpochs(args.epochIds, expectation.epochs);
      return;
    case 'approve':
      requireUserRequest(expectation);
      if (!addressesWithRole(context.allowList, 'mining').some((mining) => sameAddress(args.spender, mining))) {
        throw refusal(`the approval's spender ${String(args.spender)} is not a mining contract; BOTCOIN may only be approved to the mining contract.`);
      }
      checkAmount(args.value, expectation.amount);
      return;
    case 'stake':
      requireUserRequest(expectation);
      checkAmount(args.amount, expectation.amount);
      return;
    case 'unstake':
    case 'withdraw':
      requireUserRequest(expectation);
      return;
  }
}

/**
 * The coordinator's own receipt object (`receipt.rigId`, `receipt.operator`) must name this rig
 * and operator (protocol §5). Big integers arrive as decimal strings; a safe JSON integer is
 * accepted too.
 */
export function checkDeclaredReceipt(expectation: Extract<GuardExpectation, { kind: 'receipt'; lane: 'rig' }>): void {
  const declared = expectation.declared;
  if (!declared) throw refusal('the rig receipt cannot be decoded and the coordinator did not say which rig and operator it is for.');
  const raw = declared.rigId;
  const rigId =
    typeof raw === 'string' && /^\d{1,78}$/.test(raw) ? BigInt(raw) : typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? BigInt(raw) : typeof raw === 'bigint' ? raw : undefined;
  if (rigId !== expectation.rigId) {
    throw refusal(`the coordinator's receipt is for rig ${String(raw)}, not this rig (${expectation.rigId}).`, FRESH_WORK);
  }
  const operator = declared.operator;
  if (typeof operator !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(operator) || !isAddressEqual(operator as Address, expectation.operator)) {
    throw refusal(`the coordinator's receipt names operator ${String(operator)}, not this operator (${expectation.operator}).`, FRESH_WORK);
  }
}

function sameAddress(raw: unknown, address: Address): boolean {
  return typeof raw === 'string' && isAddressEqual(raw as Address, address);
}

/** Staking calls move the user's tokens: the type says so, and so must the runtime value. */
function requireUserRequest(expectation: { userRequested: unknown }): void {
  if (expectation.userRequested !== true) {
    throw refusal('staking transactions are only sent when the user asks for them.', 'Run the staking command yourself; the miner never stakes on a coordinator\'s say-so.');
  }
}

function checkAmount(actual: unknown, expected: bigint | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw refusal(`the amount is ${String(actual)} base units, but ${expected} was requested.`);
  }
}

function checkEpochs(actual: unknown, expected: readonly bigint[]): void {
  const sorted = (list: readonly bigint[]): string => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',');
  if (!Array.isArray(actual) || sorted(actual as bigint[]) !== sorted(expected)) {
    throw refusal(`the claim covers epochs [${Array.isArray(actual) ? actual.join(', ') : '?'}], not the requested [${expected.join(', ')}].`);
  }
}

/** A receipt for any epoch but the running one can only revert (WrongEpoch): say so plainly. */
async function checkCurrentEpoch(publicClient: PublicClient, contract: Address, epochId: unknown): Promise<void> {
  let current: bigint;
  try {
    current = await publicClient.readContract({ address: contract, abi: botcoinMiningAbi, functionName: 'currentEpoch' }) as bigint;
  } catch (error) {
    const noSuchFunction = error instanceof BaseError && Boolean(error.walk((e) => e instanceof ContractFunctionZeroDataError));
    if (!noSuchFunction && !classifyRevert(error)) throw chainUnavailable(`read currentEpoch() from ${contract}`, error);
    throw refusal(`${contract} has no currentEpoch(), so it is not a mining contract.`);
  }
  if (epochId !== current) {
    throw refusal(`the receipt is for epoch ${String(epochId)}, but the contract's current epoch is ${current}.`, FRESH_WORK);
  }
}
