// Production's rig receipt function is not public, so a rig receipt may carry a selector the guard
// cannot decode. Such a receipt gets protocol §5's checks and an event-checked simulation instead
// (src/chain/guard/opaque-rig-receipt.ts). OpaqueRigs.sol stands in for production's contract on a
// real anvil; it is compiled here with solc-js.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import solc from 'solc';
import { encodeFunctionData, getAddress, keccak256, stringToHex, type Abi, type Address, type Hex } from 'viem';
import { guardTransaction, SimulationRevertedError, type GuardContext, type GuardExpectation, type UntrustedTransaction } from '../../../src/chain/guard/index.js';
import { MinerError } from '../../../src/errors.js';
import { allowListFor } from '../../../src/protocol/skill/allow-list.js';
import { startAnvil, type AnvilHandle } from '../../../src/sandbox/chain/anvil.js';
import { ANVIL_DEFAULT_MNEMONIC, createLocalClients, createLocalPublicClient, localAccount, type LocalClients } from '../../../src/sandbox/chain/clients.js';
import { sentCount } from './fixture.js';

interface Compiled {
  abi: Abi;
  bytecode: Hex;
}

function compileOpaqueRigs(): Compiled {
  const source = readFileSync(new URL('./support/OpaqueRigs.sol', import.meta.url), 'utf8');
  const input = { language: 'Solidity', sources: { 'OpaqueRigs.sol': { content: source } }, settings: { evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } } };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as { errors?: Array<{ severity: string; formattedMessage: string }>; contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>> };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contract = output.contracts['OpaqueRigs.sol']?.OpaqueRigs;
  if (!contract) throw new Error('OpaqueRigs did not compile');
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}

const RIG = 7n;
const OTHER_RIG = 8n;

let anvil: AnvilHandle;
let compiled: Compiled;
let operator: LocalClients;
let operatorAddress: Address;
let stranger: Address;
let rigs: Address;
/** A second deployment, allow-listed under the wallet-lane mining contract's name. */
let notRigs: Address;
let context: GuardContext;
let expectation: GuardExpectation;

async function deploy(clients: LocalClients): Promise<Address> {
  const hash = await clients.walletClient.deployContract({ abi: compiled.abi, bytecode: compiled.bytecode, args: [] });
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress) throw new Error('deploy failed');
  return getAddress(receipt.contractAddress);
}

function receiptArg(rigId: bigint, who: Address = operatorAddress, solveIndex = 0n): Record<string, unknown> {
  return { rigId, operator: who, epochId: 3n, solveIndex, challengeId: keccak256(stringToHex(`challenge ${rigId} ${solveIndex}`)) };
}

function tx(functionName: string, args: readonly unknown[], to: Address = rigs): UntrustedTransaction {
  return { to, chainId: anvil.chainId, value: '0', data: encodeFunctionData({ abi: compiled.abi, functionName, args }) };
}

const declared = (rigId: unknown = RIG.toString(), who: unknown = undefined): { rigId: unknown; operator: unknown } => ({ rigId, operator: who ?? operatorAddress });

async function refused(untrusted: UntrustedTransaction, expected: GuardExpectation = expectation, publicClient = operator.publicClient): Promise<MinerError> {
  const before = await sentCount(operator);
  const error = await guardTransaction(publicClient, untrusted, expected, context).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MinerError);
  expect((error as MinerError).code).toBe('GUARD_REFUSED');
  expect(await sentCount(operator)).toEqual(before);
  return error as MinerError;
}

beforeAll(async () => {
  compiled = compileOpaqueRigs();
  anvil = await startAnvil();
  const wallet = (index: number): LocalClients => createLocalClients(anvil.rpcUrl, anvil.chainId, localAccount({ mnemonic: ANVIL_DEFAULT_MNEMONIC, index }));
  const deployer = wallet(0);
  operator = wallet(3);
  operatorAddress = operator.walletClient.account.address;
  stranger = wallet(5).walletClient.account.address;
  rigs = await deploy(deployer);
  notRigs = await deploy(deployer);
  for (const rigId of [RIG, OTHER_RIG]) {
    const hash = await deployer.walletClient.writeContract({ address: rigs, abi: compiled.abi, functionName: 'setOperator', args: [rigId, operatorAddress] });
    await deployer.publicClient.waitForTransactionReceipt({ hash });
  }
  const allowList = allowListFor(anvil.chainId, {
    builtIn: undefined,
    sandbox: { chainId: anvil.chainId, contracts: [{ name: 'BotcoinMiningRigs', address: rigs }, { name: 'BotcoinMining', address: notRigs }] },
  });
  context = { allowList, sender: operatorAddress };
  expectation = { kind: 'receipt', lane: 'rig', rigId: RIG, operator: operatorAddress, declared: declared() };
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('guardTransaction, rig receipts with an unknown selector', () => {
  it('passes our receipt: allow-listed rigs contract, our rig and operator, one RigCreditAccepted, no token events', async () => {
    const guarded = await guardTransaction(operator.publicClient, tx('submit', [receiptArg(RIG), '0x1234']), expectation, context);
    expect(guarded).toMatchObject({ from: operatorAddress, to: rigs, functionName: 'unknown', contractNames: ['BotcoinMiningRigs'], value: 0n });
    expect(guarded.functionSignature).toMatch(/^0x[0-9a-f]{8}$/);
    expect(guarded.args).toEqual({ rigId: RIG, operator: operatorAddress });
  });

  it('refuses when the coordinator says nothing about whom the receipt is for, or names another rig or operator', async () => {
    const call = tx('submit', [receiptArg(RIG), '0x']);
    const { declared: _omitted, ...silent } = expectation as Extract<GuardExpectation, { kind: 'receipt'; lane: 'rig' }>;
    expect((await refused(call, silent)).shortMessage).toContain('did not say which rig and operator');
    expect((await refused(call, { ...expectation, declared: declared(OTHER_RIG.toString()) } as GuardExpectation)).shortMessage).toContain(`receipt is for rig ${OTHER_RIG}, not this rig (${RIG})`);
    expect((await refused(call, { ...expectation, declared: declared(undefined, stranger) } as GuardExpectation)).shortMessage).toContain(`names operator ${stranger}`);
  });

  it('refuses calldata that does not carry our rig id or our operator as ABI words', async () => {
    const otherRig = await refused(tx('submit', [receiptArg(OTHER_RIG), '0x']));
    expect(otherRig.shortMessage).toContain(`does not carry rig ${RIG}`);
    const otherOperator = await refused(tx('submit', [receiptArg(RIG, stranger), '0x']));
    expect(otherOperator.shortMessage).toContain(`does not carry operator ${operatorAddress}`);
  });

  it('refuses an unknown function sent to a contract that is not the rigs mining contract', async () => {
    const error = await refused(tx('submit', [receiptArg(RIG), '0x'], notRigs));
    expect(error.shortMessage).toContain('which is not the rigs mining contract');
  });

  it('refuses a simulation that credits another rig, credits twice, or emits ERC-20 Transfer / Approval', async () => {
    expect((await refused(tx('submitOther', [receiptArg(RIG), OTHER_RIG]))).shortMessage).toMatch(/RigCreditAccepted credits rig 8/);
    expect((await refused(tx('submitTwice', [receiptArg(RIG)]))).shortMessage).toContain('emits 2 RigCreditAccepted events');
    expect((await refused(tx('submitAndPay', [receiptArg(RIG), stranger]))).shortMessage).toContain('emits an ERC-20 Transfer');
    expect((await refused(tx('submitAndApprove', [receiptArg(RIG), stranger]))).shortMessage).toContain('emits an ERC-20 Approval');
  });

  it('refuses a receipt whose simulation reverts', async () => {
    const error = await refused(tx('submit', [receiptArg(RIG, operatorAddress, 5n), '0x']));
    expect(error).toBeInstanceOf(SimulationRevertedError);
    expect(error.shortMessage).toContain('wrong cursor');
  });

  it('on a node without eth_simulateV1, falls back to eth_call: a receipt that runs passes, one that reverts is refused', async () => {
    const seen: string[] = [];
    const proxy = await rpcProxy(anvil.rpcUrl, seen);
    try {
      const client = createLocalPublicClient(proxy.url, anvil.chainId);
      const guarded = await guardTransaction(client, tx('submit', [receiptArg(RIG), '0x']), expectation, context);
      expect(guarded.functionName).toBe('unknown');
      expect(seen).toContain('eth_simulateV1');
      expect(seen.indexOf('eth_call')).toBeGreaterThan(seen.indexOf('eth_simulateV1'));
      const error = await refused(tx('submit', [receiptArg(RIG, operatorAddress, 5n), '0x']), expectation, client);
      expect(error).toBeInstanceOf(SimulationRevertedError);
    } finally {
      await proxy.stop();
    }
  });
});

/** A JSON-RPC proxy to anvil that answers eth_simulateV1 as a node without it does (-32601). */
async function rpcProxy(target: string, seen: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const call = JSON.parse(body) as { id: number; method: string };
    seen.push(call.method);
    res.setHeader('content-type', 'application/json');
    if (call.method === 'eth_simulateV1') {
      res.end(JSON.stringify({ jsonrpc: '2.0', id: call.id, error: { code: -32601, message: 'the method eth_simulateV1 does not exist/is not available' } }));
      return;
    }
    const upstream = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    res.end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
