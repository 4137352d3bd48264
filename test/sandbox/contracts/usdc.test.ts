import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSignature, toHex, type Address, type Hex } from 'viem';
import { testUsdcAbi } from '../../../src/sandbox/contracts/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { read, revertName, send, startSandbox, type Sandbox } from './fixture.js';
import { randomBytes } from 'node:crypto';

let sandbox: Sandbox;
let payer: LocalClients;
let payee: Address;
let relayer: LocalClients; // a facilitator: submits the payer's signed authorization

const authorizationTypes = {
  TransferWithAuthorization: [
    { name: 'from', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'validAfter', type: 'uint256' },
    { name: 'validBefore', type: 'uint256' },
    { name: 'nonce', type: 'bytes32' },
  ],
} as const;

function usdc(functionName: string, args: readonly unknown[] = []) {
  return { address: sandbox.contracts.usdc, abi: testUsdcAbi, functionName, args };
}

async function authorize(value: bigint, validBefore = 2n ** 40n) {
  const message = {
    from: payer.walletClient.account.address,
    to: payee,
    value,
    validAfter: 0n,
    validBefore,
    nonce: toHex(randomBytes(32)), // USDC nonces are random, not sequential
  };
  const signature = await payer.walletClient.signTypedData({
    domain: { name: 'USD Coin', version: '2', chainId: sandbox.anvil.chainId, verifyingContract: sandbox.contracts.usdc },
    types: authorizationTypes,
    primaryType: 'TransferWithAuthorization',
    message,
  });
  const args = [message.from, message.to, message.value, message.validAfter, message.validBefore, message.nonce];
  return { message, signature, args };
}

function balanceOf(address: Address): Promise<bigint> {
  return read<bigint>(sandbox.operator, usdc('balanceOf', [address]));
}

beforeAll(async () => {
  sandbox = await startSandbox();
  payer = sandbox.wallet(2);
  relayer = sandbox.wallet(3);
  payee = sandbox.wallet(4).walletClient.account.address;
  await send(sandbox.operator, usdc('mint', [payer.walletClient.account.address, 5_000_000n])); // 5 USDC
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('TestUSDC (EIP-3009)', () => {
  it('has 6 decimals and the USD Coin / 2 EIP-712 domain', async () => {
    expect(await read(sandbox.operator, usdc('decimals'))).toBe(6);
    const [, name, version] = await read<readonly [Hex, string, string]>(sandbox.operator, usdc('eip712Domain'));
    expect({ name, version }).toEqual({ name: 'USD Coin', version: '2' });
  });

  it('moves funds with transferWithAuthorization (bytes signature) and refuses the replay', async () => {
    const { message, signature, args } = await authorize(1_000n); // $0.001
    expect(await read(sandbox.operator, usdc('authorizationState', [message.from, message.nonce]))).toBe(false);
    await send(relayer, usdc('transferWithAuthorization', [...args, signature]));
    expect(await balanceOf(payee)).toBe(1_000n);
    expect(await balanceOf(message.from)).toBe(5_000_000n - 1_000n);
    expect(await read(sandbox.operator, usdc('authorizationState', [message.from, message.nonce]))).toBe(true);
    expect(await revertName(relayer, usdc('transferWithAuthorization', [...args, signature]))).toBe('ERC3009UsedAuthorization');
  });

  it('accepts the (v, r, s) form too', async () => {
    const before = await balanceOf(payee);
    const { signature, args } = await authorize(2_500n);
    const { v, r, s } = parseSignature(signature);
    await send(relayer, usdc('transferWithAuthorization', [...args, Number(v), r, s]));
    expect((await balanceOf(payee)) - before).toBe(2_500n);
  });

  it('receiveWithAuthorization lets only the payee submit', async () => {
    const message = {
      from: payer.walletClient.account.address,
      to: payee,
      value: 700n,
      validAfter: 0n,
      validBefore: 2n ** 40n,
      nonce: toHex(randomBytes(32)),
    };
    const signature = await payer.walletClient.signTypedData({
      domain: { name: 'USD Coin', version: '2', chainId: sandbox.anvil.chainId, verifyingContract: sandbox.contracts.usdc },
      types: { ReceiveWithAuthorization: authorizationTypes.TransferWithAuthorization },
      primaryType: 'ReceiveWithAuthorization',
      message,
    });
    const args = [...Object.values(message), signature];
    expect(await revertName(relayer, usdc('receiveWithAuthorization', args))).toBe('ERC20InvalidReceiver');
    const before = await balanceOf(payee);
    await send(sandbox.wallet(4), usdc('receiveWithAuthorization', args));
    expect((await balanceOf(payee)) - before).toBe(700n);
  });

  it('refuses a tampered amount, an expired authorization and a cancelled one', async () => {
    const { signature, args } = await authorize(1_000n);
    const tampered = [...args];
    tampered[2] = 9_000n;
    expect(await revertName(relayer, usdc('transferWithAuthorization', [...tampered, signature]))).toBe('ERC3009InvalidSignature');

    const expired = await authorize(1_000n, 1n);
    expect(await revertName(relayer, usdc('transferWithAuthorization', [...expired.args, expired.signature]))).toBe(
      'ERC3009InvalidAuthorizationTime',
    );

    const cancelled = await authorize(1_000n);
    const cancelSignature = await payer.walletClient.signTypedData({
      domain: { name: 'USD Coin', version: '2', chainId: sandbox.anvil.chainId, verifyingContract: sandbox.contracts.usdc },
      types: { CancelAuthorization: [{ name: 'authorizer', type: 'address' }, { name: 'nonce', type: 'bytes32' }] },
      primaryType: 'CancelAuthorization',
      message: { authorizer: cancelled.message.from, nonce: cancelled.message.nonce },
    });
    await send(relayer, usdc('cancelAuthorization', [cancelled.message.from, cancelled.message.nonce, cancelSignature]));
    expect(await revertName(relayer, usdc('transferWithAuthorization', [...cancelled.args, cancelled.signature]))).toBe(
      'ERC3009UsedAuthorization',
    );
  });
});
