import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAbiParameters, hashTypedData, keccak256, parseEventLogs, toHex, zeroAddress, zeroHash, type Address, type Hex } from 'viem';
import {
  rigReceiptTypes,
  rigsDomain,
  sandboxRigMiningAbi,
  sandboxRigNftAbi,
  testBotcoinAbi,
} from '../../../src/sandbox/contracts/index.js';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';
import { WAD, commitEpoch, endEpoch, makeRigReceipt, read, revertName, send, startSandbox, word, type RigReceiptMessage, type Sandbox } from './fixture.js';

let sandbox: Sandbox;
let holder: LocalClients; // owns the rig
let operator: LocalClients; // delegated by the holder
let stranger: LocalClients;
let rigId: bigint;
let epochId: bigint;
const RIG_CREDITS = 300n;
const reward = 90_000n * WAD;
const bonus = 9_000n * WAD;

function rigs(functionName: string, args: readonly unknown[] = []) {
  return { address: sandbox.contracts.rigMining, abi: sandboxRigMiningAbi, functionName, args };
}

function nft(functionName: string, args: readonly unknown[] = []) {
  return { address: sandbox.contracts.rigNft, abi: sandboxRigNftAbi, functionName, args };
}

function rigReceipt(id: bigint, operatorAddress: Address, solveIndex: bigint, prevReceiptHash: Hex, label: string): RigReceiptMessage {
  return makeRigReceipt(id, operatorAddress, epochId, solveIndex, prevReceiptHash, label);
}

function domain() {
  return rigsDomain({ chainId: sandbox.anvil.chainId, verifyingContract: sandbox.contracts.rigMining });
}

async function submitCall(message: RigReceiptMessage) {
  const signature = await sandbox.coordinator.signTypedData!({
    domain: domain(),
    types: rigReceiptTypes,
    primaryType: 'RigReceipt',
    message: { ...message },
  });
  // makeRigReceipt() builds its keys in struct order, which is also submitRigReceipt's argument order.
  return rigs('submitRigReceipt', [...Object.values(message), signature]);
}

async function mintRig(to: Address, credits: bigint): Promise<bigint> {
  const receipt = await send(sandbox.operator, nft('mintRig', [to, credits]));
  const [minted] = parseEventLogs({ abi: sandboxRigNftAbi, logs: receipt.logs, eventName: 'RigMinted' });
  if (!minted) throw new Error('mintRig emitted no RigMinted event');
  return (minted.args as unknown as { rigId: bigint }).rigId;
}

async function balanceOf(address: Address): Promise<bigint> {
  return read<bigint>(sandbox.operator, { address: sandbox.contracts.botcoin, abi: testBotcoinAbi, functionName: 'balanceOf', args: [address] });
}

beforeAll(async () => {
  sandbox = await startSandbox();
  holder = sandbox.wallet(2);
  operator = sandbox.wallet(3);
  stranger = sandbox.wallet(4);
  rigId = await mintRig(holder.walletClient.account.address, RIG_CREDITS);
  await send(holder, nft('setOperator', [rigId, operator.walletClient.account.address]));
  epochId = await read<bigint>(sandbox.operator, rigs('currentEpoch'));
  await commitEpoch(sandbox, sandbox.contracts.rigMining, sandboxRigMiningAbi, epochId, word('rig secret'));
});

afterAll(async () => {
  await sandbox?.anvil.stop();
});

describe('BotcoinMiningRigs', () => {
  it('signs under domain BotcoinMiningRigs/2 with the RigReceipt typehash', async () => {
    const [, name, version] = await read<readonly [Hex, string, string]>(sandbox.operator, rigs('eip712Domain'));
    expect({ name, version }).toEqual({ name: 'BotcoinMiningRigs', version: '2' });
    expect(await read(sandbox.operator, rigs('RIG_RECEIPT_TYPEHASH'))).toBe(
      keccak256(
        toHex(
          'RigReceipt(uint256 rigId,address operator,uint64 epochId,uint64 solveIndex,bytes32 prevReceiptHash,bytes32 challengeId,bytes32 commit,bytes32 docHash,bytes32 questionsHash,bytes32 constraintsHash,bytes32 answersHash,uint128 worldSeed,uint32 rulesVersion)',
        ),
      ),
    );
  });

  it('authorizes the rig holder and its delegated operator, nobody else', async () => {
    const authorized = (who: LocalClients) => read<boolean>(who, rigs('wouldBeAuthorizedMiner', [rigId, who.walletClient.account.address, epochId]));
    expect(await authorized(holder)).toBe(true);
    expect(await authorized(operator)).toBe(true);
    expect(await authorized(stranger)).toBe(false);
    expect(await read(sandbox.operator, rigs('wouldBeAuthorizedMiner', [999n, holder.walletClient.account.address, epochId]))).toBe(false);
  });

  it('credits the rig for an operator-sent, coordinator-signed receipt and emits RigCreditAccepted', async () => {
    const operatorAddress = operator.walletClient.account.address;
    const message = rigReceipt(rigId, operatorAddress, 0n, zeroHash, 'one');
    const txReceipt = await send(operator, await submitCall(message));

    const digest = hashTypedData({ domain: domain(), types: rigReceiptTypes, primaryType: 'RigReceipt', message: { ...message } });
    const expectedHash = keccak256(
      encodeAbiParameters(
        ['uint256', 'address', 'uint64', 'uint64', 'bytes32', 'bytes32', 'bytes32', 'bytes32'].map((type) => ({ type })),
        [rigId, operatorAddress, epochId, 0n, zeroHash, message.challengeId, message.commit, digest],
      ),
    );
    expect(await read(operator, rigs('rigNextIndex', [rigId]))).toBe(1n);
    expect(await read(operator, rigs('rigLastReceiptHash', [rigId]))).toBe(expectedHash);
    expect(await read(operator, rigs('rigCredits', [epochId, rigId]))).toBe(RIG_CREDITS);
    expect(await read(operator, rigs('rigRecipient', [epochId, rigId]))).toBe(holder.walletClient.account.address);
    const [event] = parseEventLogs({ abi: sandboxRigMiningAbi, logs: txReceipt.logs, eventName: 'RigCreditAccepted' });
    expect(event?.args).toEqual({
      epochId,
      rigId,
      operator: operatorAddress,
      solveIndex: 0n,
      receiptHash: expectedHash,
      challengeId: message.challengeId,
      creditsEarned: RIG_CREDITS,
    });
    expect(await revertName(operator, await submitCall(message))).toBe('ChainMismatch');
  });

  it('refuses an unauthorized operator, a sender who is not the receipt operator, unknown and zero-credit rigs', async () => {
    const prev = await read<Hex>(operator, rigs('rigLastReceiptHash', [rigId]));
    const strangerAddress = stranger.walletClient.account.address;
    expect(await revertName(stranger, await submitCall(rigReceipt(rigId, strangerAddress, 1n, prev, 'x')))).toBe('NotAuthorized');
    expect(
      await revertName(stranger, await submitCall(rigReceipt(rigId, operator.walletClient.account.address, 1n, prev, 'x'))),
    ).toBe('OperatorMismatch');
    expect(await revertName(stranger, await submitCall(rigReceipt(999n, strangerAddress, 0n, zeroHash, 'x')))).toBe('RigNotFound');
    const idle = await mintRig(strangerAddress, 0n);
    expect(await revertName(stranger, await submitCall(rigReceipt(idle, strangerAddress, 0n, zeroHash, 'x')))).toBe('NotEligible');
    expect(await revertName(stranger, nft('setOperator', [rigId, strangerAddress]))).toBe('NotRigHolder');
  });

  it('clears the delegation when the rig changes hands', async () => {
    const buyer = sandbox.wallet(5).walletClient.account.address;
    await send(holder, nft('transferFrom', [holder.walletClient.account.address, buyer, rigId]));
    expect(await read(operator, nft('rigOperator', [rigId]))).toBe(zeroAddress);
    expect(await read(operator, rigs('wouldBeAuthorizedMiner', [rigId, operator.walletClient.account.address, epochId]))).toBe(false);
  });

  it('claimRig is permissionless and pays the holder snapshotted at the epoch\'s first credit', async () => {
    const owner = sandbox.operator.walletClient.account.address;
    await send(sandbox.operator, { address: sandbox.contracts.botcoin, abi: testBotcoinAbi, functionName: 'mint', args: [owner, reward + bonus] });
    await send(sandbox.operator, { address: sandbox.contracts.botcoin, abi: testBotcoinAbi, functionName: 'approve', args: [sandbox.contracts.rigMining, reward + bonus] });
    await endEpoch(sandbox);
    await send(sandbox.operator, rigs('fundEpoch', [epochId, reward]));
    await send(sandbox.operator, rigs('fundBonus', [epochId, bonus]));
    await send(sandbox.operator, rigs('finalizeEpoch', [epochId]));

    const holderAddress = holder.walletClient.account.address;
    await send(stranger, rigs('claimRig', [rigId, [epochId]]));
    // The only credited rig takes the whole reward; the rig's new holder gets nothing for this epoch.
    expect(await balanceOf(holderAddress)).toBe(reward);
    expect(await balanceOf(sandbox.wallet(5).walletClient.account.address)).toBe(0n);
    expect(await read(stranger, rigs('rigClaimed', [epochId, rigId]))).toBe(true);
    expect(await revertName(stranger, rigs('claimRig', [rigId, [epochId]]))).toBe('AlreadyClaimed');

    await send(stranger, rigs('claimBonus', [rigId, [epochId]]));
    expect(await balanceOf(holderAddress)).toBe(reward + bonus);
  });
});
