import { describe, expect, it } from 'vitest';
import { keccak256, toEventSignature, toFunctionSelector, toHex, type AbiEvent, type AbiFunction } from 'viem';
import { sandboxMiningAbi, sandboxRigMiningAbi } from '../../../src/sandbox/contracts/index.js';

function onlyFunction(abi: readonly unknown[], name: string): AbiFunction {
  const matches = (abi as AbiFunction[]).filter((item) => item.type === 'function' && item.name === name);
  expect(matches).toHaveLength(1);
  return matches[0] as AbiFunction;
}

function onlyEvent(abi: readonly unknown[], name: string): AbiEvent {
  const matches = (abi as AbiEvent[]).filter((item) => item.type === 'event' && item.name === name);
  expect(matches).toHaveLength(1);
  return matches[0] as AbiEvent;
}

describe('sandbox artifacts speak the production ABI (spec/protocol.md §10)', () => {
  it('submitReceipt has the production selector 0xa7a1566f', () => {
    expect(toFunctionSelector(onlyFunction(sandboxMiningAbi, 'submitReceipt'))).toBe('0xa7a1566f');
  });

  it('claimRig has the production selector 0x6f7627e4', () => {
    expect(toFunctionSelector(onlyFunction(sandboxRigMiningAbi, 'claimRig'))).toBe('0x6f7627e4');
  });

  it('the Receipt struct string hashes to the production typehash', () => {
    const struct =
      'Receipt(address miner,uint64 epochId,uint64 solveIndex,bytes32 prevReceiptHash,bytes32 challengeId,bytes32 commit,bytes32 docHash,bytes32 questionsHash,bytes32 constraintsHash,bytes32 answersHash,uint128 worldSeed,uint32 rulesVersion)';
    expect(keccak256(toHex(struct))).toBe('0x956bcdc28006cf6e752011471dd529bee90db9e1086dd50ab7d5d4ccdb210fec');
  });

  it('emits CreditAccepted and RigCreditAccepted with the production signatures and indexed fields', () => {
    const credit = onlyEvent(sandboxMiningAbi, 'CreditAccepted');
    expect(toEventSignature(credit)).toBe('CreditAccepted(uint64,address,uint64,bytes32,bytes32,uint256)');
    expect(credit.inputs.map((input) => `${input.name}${input.indexed ? '*' : ''}`)).toEqual([
      'epochId*', 'miner*', 'solveIndex', 'receiptHash', 'challengeId', 'creditsEarned',
    ]);
    const rig = onlyEvent(sandboxRigMiningAbi, 'RigCreditAccepted');
    expect(toEventSignature(rig)).toBe('RigCreditAccepted(uint64,uint256,address,uint64,bytes32,bytes32,uint256)');
    expect(rig.inputs.map((input) => `${input.name}${input.indexed ? '*' : ''}`)).toEqual([
      'epochId*', 'rigId*', 'operator*', 'solveIndex', 'receiptHash', 'challengeId', 'creditsEarned',
    ]);
  });

  it('has the documented rig-lane and claim functions', () => {
    const signatures = [
      ...sandboxRigMiningAbi.filter((item) => item.type === 'function').map((item) => toFunctionSelector(item as AbiFunction)),
    ];
    for (const signature of [
      'claimBonus(uint256,uint64[])',
      'currentEpoch()',
      'wouldBeAuthorizedMiner(uint256,address,uint64)',
      'rigNextIndex(uint256)',
      'rigLastReceiptHash(uint256)',
    ]) {
      expect(signatures).toContain(toFunctionSelector(signature));
    }
    const mining = sandboxMiningAbi.filter((item) => item.type === 'function').map((item) => toFunctionSelector(item as AbiFunction));
    for (const signature of ['claim(uint64[])', 'claimBonus(uint64[])', 'getTier(uint256)', 'credits(uint64,address)']) {
      expect(mining).toContain(toFunctionSelector(signature));
    }
  });
});
