import { describe, it, expect } from 'vitest';
import { isAddress } from 'viem';
import { builtInAddressBook } from '../../../src/chain/addresses/built-in.js';

describe('builtInAddressBook', () => {
  it('ships the Base mainnet table of spec/protocol.md §10, every address checksummed', () => {
    const book = builtInAddressBook(8453);
    expect(book?.chainId).toBe(8453);
    expect(book?.contracts.map((c) => c.name)).toEqual([
      'BOTCOIN (rig era)',
      'BotcoinMiningRigsV1',
      'RigAwareBonusEpoch',
      'MiningRigNFT',
      'RigEligibilityAdapter',
      'BOTCOIN (V1–V4)',
      'BotcoinMiningV2',
      'BotcoinMiningV3',
      'BotcoinMiningV4',
    ]);
    for (const c of book?.contracts ?? []) expect(isAddress(c.address, { strict: true }), c.name).toBe(true);
    expect(book?.contracts.find((c) => c.name === 'BotcoinMiningRigsV1')?.address).toBe('0xB61BC7487424172CB9fa9dD381a9eC06C7067dCd');
  });

  it('has no table for other chains', () => {
    expect(builtInAddressBook(31337)).toBeUndefined();
  });
});
