import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  domainSeparator,
  encodeAbiParameters,
  hashTypedData,
  keccak256,
  parseEventLogs,
  zeroHash,
  type Account,
  type Address,
  type Hex,
} from 'viem';
import { miningDomain, receiptTypes, sandboxMiningAbi } from '../../../src/sandbox/contracts/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import {
  commitEpoch,
  endEpoch,
  fundAndStake,
  makeReceipt,
  read,
  revertName,
  send,
  signReceipt,
  startSandbox,
  submitReceiptCall,
  word,
  type ReceiptMessage,
  type Sandbox,
} from './fixture.js';

let sandbox: Sandbox;
let miner: LocalClients;
let epochId: bigint;

function receipt(minerAddress: Address, solveIndex: bigint, prevReceiptHash: Hex, label: string): ReceiptMessage {
  return makeReceipt(minerAddress, epochId, solveIndex, prevReceiptHash, label);
}

function domain() {
  return miningDomain({ chainId: sandbox.anvil.chainId, verifyingContract: sandbox.contracts.mining });
}

function sign(message: ReceiptMessage, signer?: Account): Promise<Hex> {
  return signReceipt(sandbox, message, signer);
}

function submitCall(message: ReceiptMessage, signature: Hex) {
  return submitReceiptCall(sandbox, message, signature);
}

function readMining<T>(functionName: string, args: readonly unknown[] = []): Promise<T> {
  return read<T>(sandbox.operator, { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName, args });
}

beforeAll(async () => {
  sandbox = await startSandbox();
  miner = sandbox.wallet(2);
  await fundAndStake(sandbox, miner, 10_000_000n); // tier 2: 205 credits
  epochId = await readMining<bigint>('currentEpoch');
  await commitEpoch(sandbox, sandbox.contracts.mining, sandboxMiningAbi, epochId, word('secret 0'));
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('BotcoinMining receipts', () => {
  it('exposes the production Receipt typehash and the EIP-712 domain separator', async () => {
    expect(await readMining<Hex>('RECEIPT_TYPEHASH')).toBe(
      '0x956bcdc28006cf6e752011471dd529bee90db9e1086dd50ab7d5d4ccdb210fec',
    );
    const [, name, version, chainId, verifyingContract] = await readMining<readonly [Hex, string, string, bigint, Address]>(
      'eip712Domain',
    );
    expect({ name, version, chainId }).toEqual({ name: 'BotcoinMining', version: '3', chainId: 31337n });
    expect(verifyingContract).toBe(sandbox.contracts.mining);
    expect(await readMining<Hex>('DOMAIN_SEPARATOR')).toBe(domainSeparator({ domain: domain() }));
  });

  it('accepts a coordinator-signed receipt: credits, cursor and CreditAccepted follow the documented rules', async () => {
    const address = miner.walletClient.account.address;
    const message = receipt(address, 0n, zeroHash, 'first');
    const txReceipt = await send(miner, submitCall(message, await sign(message)));

    const digest = hashTypedData({ domain: domain(), types: receiptTypes, primaryType: 'Receipt', message: { ...message } });
    const expectedHash = keccak256(
      encodeAbiParameters(
        [
          { type: 'address' },
          { type: 'uint64' },
          { type: 'uint64' },
          { type: 'bytes32' },
          { type: 'bytes32' },
          { type: 'bytes32' },
          { type: 'bytes32' },
        ],
        [address, epochId, 0n, zeroHash, message.challengeId, message.commit, digest],
      ),
    );
    expect(await readMining<bigint>('nextIndex', [address])).toBe(1n);
    expect(await readMining<Hex>('lastReceiptHash', [address])).toBe(expectedHash);
    expect(await readMining<bigint>('credits', [epochId, address])).toBe(205n);
    expect(await readMining<bigint>('totalCredits', [epochId])).toBe(205n);

    const [event] = parseEventLogs({ abi: sandboxMiningAbi, logs: txReceipt.logs, eventName: 'CreditAccepted' });
    expect(event?.args).toEqual({
      epochId,
      miner: address,
      solveIndex: 0n,
      receiptHash: expectedHash,
      challengeId: message.challengeId,
      creditsEarned: 205n,
    });
  });

  it('chains the next receipt on the previous hash and adds its credits', async () => {
    const address = miner.walletClient.account.address;
    const prev = await readMining<Hex>('lastReceiptHash', [address]);
    const message = receipt(address, 1n, prev, 'second');
    await send(miner, submitCall(message, await sign(message)));
    expect(await readMining<bigint>('nextIndex', [address])).toBe(2n);
    expect(await readMining<bigint>('credits', [epochId, address])).toBe(410n);
  });

  it('rejects a replayed receipt with ChainMismatch', async () => {
    const message = receipt(miner.walletClient.account.address, 0n, zeroHash, 'first');
    expect(await revertName(miner, submitCall(message, await sign(message)))).toBe('ChainMismatch');
  });

  it('rejects a receipt for another epoch with WrongEpoch, before any other check', async () => {
    const address = miner.walletClient.account.address;
    const prev = await readMining<Hex>('lastReceiptHash', [address]);
    const message = { ...receipt(address, 2n, prev, 'wrong epoch'), epochId: epochId + 1n };
    expect(await revertName(miner, submitCall(message, await sign(message)))).toBe('WrongEpoch');
    expect(await revertName(miner, submitCall(message, '0x1234'))).toBe('WrongEpoch');
  });

  it('rejects a receipt not signed by the coordinator with InvalidSignature', async () => {
    const address = miner.walletClient.account.address;
    const prev = await readMining<Hex>('lastReceiptHash', [address]);
    const message = receipt(address, 2n, prev, 'forged');
    expect(await revertName(miner, submitCall(message, await sign(message, miner.walletClient.account)))).toBe(
      'InvalidSignature',
    );
    const tampered = { ...message, answersHash: word('other answers') };
    expect(await revertName(miner, submitCall(tampered, await sign(message)))).toBe('InvalidSignature');
    expect(await revertName(miner, submitCall(message, '0x1234'))).toBe('InvalidSignature');
  });

  it('rejects a receipt sent by a wallet other than the miner it was signed for', async () => {
    const other = sandbox.wallet(5);
    await fundAndStake(sandbox, other, 5_000_000n);
    const message = receipt(miner.walletClient.account.address, 0n, zeroHash, 'stolen');
    // miner = msg.sender: the other wallet's cursor matches, but the signature names someone else.
    expect(await revertName(other, submitCall(message, await sign(message)))).toBe('InvalidSignature');
  });

  it('rejects a miner below the lowest tier with InsufficientBalance, before the signature check', async () => {
    const poor = sandbox.wallet(3);
    await fundAndStake(sandbox, poor, 4_999_999n);
    const message = receipt(poor.walletClient.account.address, 0n, zeroHash, 'poor');
    expect(await revertName(poor, submitCall(message, await sign(message)))).toBe('InsufficientBalance');
    expect(await revertName(poor, submitCall(message, '0x1234'))).toBe('InsufficientBalance');
    expect(await readMining<boolean>('isEligible', [poor.walletClient.account.address])).toBe(false);
  });

  it('rejects a miner with a pending unstake with NotEligible', async () => {
    const leaving = sandbox.wallet(4);
    await fundAndStake(sandbox, leaving, 5_000_000n);
    expect(await readMining<boolean>('isEligible', [leaving.walletClient.account.address])).toBe(true);
    await send(leaving, { address: sandbox.contracts.mining, abi: sandboxMiningAbi, functionName: 'unstake' });
    const message = receipt(leaving.walletClient.account.address, 0n, zeroHash, 'leaving');
    expect(await revertName(leaving, submitCall(message, await sign(message)))).toBe('NotEligible');
  });

  it('rejects receipts of an epoch whose commit is missing with MissingEpochCommit', async () => {
    await endEpoch(sandbox);
    const next = await readMining<bigint>('currentEpoch');
    expect(next).toBe(epochId + 1n);
    const address = miner.walletClient.account.address;
    const prev = await readMining<Hex>('lastReceiptHash', [address]);
    const message = { ...receipt(address, 2n, prev, 'no commit'), epochId: next };
    expect(await revertName(miner, submitCall(message, await sign(message)))).toBe('MissingEpochCommit');
  });
});
