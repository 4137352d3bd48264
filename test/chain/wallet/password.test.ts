import { describe, it, expect } from 'vitest';
import { readPassword, promptSecret, PASSWORD_ENV } from '../../../src/chain/wallet/password.js';
import { scriptedTerminal } from './scripted-terminal.js';
import { MinerError } from '../../../src/errors.js';
import { rejection } from '../../support/rejection.js';

describe('readPassword', () => {
  it(`takes ${PASSWORD_ENV} without prompting`, async () => {
    expect(await readPassword('k.json', { env: { [PASSWORD_ENV]: 'from env' }, interactive: false })).toBe('from env');
  });

  it('asks twice for a new password on a terminal, never echoing it', async () => {
    const io = scriptedTerminal([
      ['Password for', 'hunter22'],
      ['Repeat the password', 'hunter22'],
    ]);
    expect(await readPassword('the new keystore', { env: {}, interactive: true, confirm: true, io })).toBe('hunter22');
    expect(io.shown()).not.toContain('hunter22');
  });

  it('refuses two different passwords and an empty one', async () => {
    const differ = scriptedTerminal([
      ['Password for', 'first'],
      ['Repeat the password', 'second'],
    ]);
    const mismatch = await rejection(readPassword('the new keystore', { env: {}, interactive: true, confirm: true, io: differ }));
    expect(mismatch.shortMessage).toBe('The two passwords differ.');
    const empty = await rejection(readPassword('the new keystore', { env: {}, interactive: true, confirm: true, io: scriptedTerminal([['Password for', '']]) }));
    expect(empty.shortMessage).toBe('An empty password was entered.');
  });

  it(`without a terminal, names ${PASSWORD_ENV}`, async () => {
    const error = await rejection(readPassword('keystore k.json', { env: {}, interactive: false }));
    expect(error.code).toBe('WALLET');
    expect(error.shortMessage).toBe(`No password for keystore k.json: ${PASSWORD_ENV} is not set and there is no terminal to ask on.`);
  });
});

describe('promptSecret', () => {
  it('throws the caller\'s error when prompting is not allowed', async () => {
    const refusal = new MinerError('WALLET', 'no terminal');
    await expect(promptSecret('Private key:', refusal, { interactive: false })).rejects.toBe(refusal);
  });

  it('reads a hidden answer on a terminal', async () => {
    const io = scriptedTerminal([['Private key', '0xabc']]);
    expect(await promptSecret('Private key:', new MinerError('WALLET', 'x'), { interactive: true, io })).toBe('0xabc');
    expect(io.shown()).not.toContain('0xabc');
  });
});
