import { describe, expect, it } from 'vitest';
import type { Abi } from 'viem';
import { botcoinMiningAbi, botcoinMiningRigsAbi, botcoinTokenAbi } from '../../../src/chain/abis/index.js';
import { sandboxMiningAbi, sandboxRigMiningAbi, testBotcoinAbi } from '../../../src/sandbox/contracts/index.js';

/** solc's `internalType` names our Solidity types; production fragments do not carry it. */
function withoutInternalTypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutInternalTypes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'internalType')
        .map(([key, entry]) => [key, withoutInternalTypes(entry)]),
    );
  }
  return value;
}

function missingFrom(sandbox: Abi, client: Abi): string[] {
  const available = new Set(sandbox.map((item) => JSON.stringify(withoutInternalTypes(item))));
  return client
    .filter((item) => !available.has(JSON.stringify(item)))
    .map((item) => ('name' in item ? `${item.type} ${item.name}` : item.type));
}

describe('production client ABIs', () => {
  it('cover every function, error and event the protocol names for BotcoinMining V3', () => {
    const names = new Set(botcoinMiningAbi.map((item) => ('name' in item ? item.name : '')));
    for (const name of ['submitReceipt', 'stake', 'unstake', 'cancelUnstake', 'withdraw', 'claim', 'claimBonus', 'getTier', 'DOMAIN_SEPARATOR', 'CreditAccepted', 'WrongEpoch', 'MissingEpochCommit', 'ChainMismatch', 'InsufficientBalance', 'NotEligible', 'InvalidSignature', 'CooldownNotElapsed', 'TooManyEpochs', 'AlreadyClaimed']) {
      expect(names.has(name), name).toBe(true);
    }
  });

  it('are fragment-for-fragment identical to the sandbox contracts, so the sandbox exercises them', () => {
    expect(missingFrom(sandboxMiningAbi, botcoinMiningAbi)).toEqual([]);
    expect(missingFrom(sandboxRigMiningAbi, botcoinMiningRigsAbi)).toEqual([]);
    expect(missingFrom(testBotcoinAbi, botcoinTokenAbi)).toEqual([]);
  });

  it('do not include the sandbox-only rig receipt function', () => {
    expect(botcoinMiningRigsAbi.some((item) => 'name' in item && item.name === 'submitRigReceipt')).toBe(false);
  });
});
