import { describe, expect, it } from 'vitest';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../../src/sandbox/chain/clients.js';
import { SANDBOX_ACCOUNT, devKey } from '../../../src/sandbox/network/index.js';

describe('sandbox dev accounts', () => {
  it('are anvil’s funded dev accounts 0-9 of the default mnemonic', () => {
    for (let index = 0; index < 10; index++) {
      expect(privateKeyToAccount(devKey(index)).address).toBe(mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { addressIndex: index }).address);
    }
    expect(() => devKey(10)).toThrow(RangeError);
  });

  it('give every role its own account', () => {
    const indexes = Object.values(SANDBOX_ACCOUNT);
    expect(new Set(indexes).size).toBe(indexes.length);
  });
});
