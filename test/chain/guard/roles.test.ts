import { describe, expect, it } from 'vitest';
import { builtInAddressBook } from '../../../src/chain/addresses/built-in.js';
import { roleOfName } from '../../../src/chain/guard/index.js';

describe('roleOfName', () => {
  it('gives every contract of the Base mainnet table the role the miner sends it', () => {
    const book = builtInAddressBook(8453);
    expect(Object.fromEntries((book?.contracts ?? []).map((c) => [c.name, roleOfName(c.name) ?? null]))).toEqual({
      'BOTCOIN (rig era)': 'token',
      BotcoinMiningRigsV1: 'rigMining',
      RigAwareBonusEpoch: 'rigBonus',
      MiningRigNFT: null,
      RigEligibilityAdapter: null,
      'BOTCOIN (V1–V4)': 'token',
      BotcoinMiningV2: 'mining',
      BotcoinMiningV3: 'mining',
      BotcoinMiningV4: 'mining',
    });
  });

  it('reads skill-file names with notes, and never gives a role to look-alike names', () => {
    expect(roleOfName('BotcoinMiningV4 (legacy, withdrawals only)')).toBe('mining');
    expect(roleOfName('botcoinmining')).toBe('mining');
    expect(roleOfName('BOTCOIN')).toBe('token');
    for (const name of ['BOTCOIN Treasury', 'NotBotcoinMining', 'BotcoinMiningRigsV1Proxy', 'Treasury (to be announced)', 'BOTCOIN-USDC pool']) {
      expect(roleOfName(name)).toBeUndefined();
    }
  });
});
