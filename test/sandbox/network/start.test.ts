import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Address } from 'viem';
import { createLocalPublicClient } from '../../../src/sandbox/chain/clients.js';
import { sandboxMiningAbi, sandboxRigMiningAbi, testUsdcAbi } from '../../../src/sandbox/contracts/index.js';
import {
  isProcessAlive,
  readSandboxDescription,
  sandboxDescriptionSchema,
  sandboxPaths,
  startSandbox,
  type SandboxHandle,
} from '../../../src/sandbox/network/index.js';
import { isMinerError } from '../../../src/errors.js';

describe('startSandbox', () => {
  let dataDir: string;
  let sandbox: SandboxHandle;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'botcoin-sandbox-net-'));
    sandbox = await startSandbox({ dataDir, epochSeconds: 120 });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('writes a 0600 description file that validates against the schema and names this process', async () => {
    const path = sandboxPaths(dataDir).description;
    expect(sandbox.descriptionPath).toBe(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const parsed = sandboxDescriptionSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    expect(parsed).toEqual(sandbox.description);
    expect(await readSandboxDescription(dataDir)).toEqual(sandbox.description);
    expect(parsed.pid).toBe(process.pid);
    expect(parsed.chain.chainId).toBe(31337);
    expect(parsed.epoch.durationSeconds).toBe(120);
    expect(parsed.accounts.operator.rigIds).toHaveLength(3);
    expect(parsed.evaluators).toEqual([]);
    expect(existsSync(parsed.answerKeyDir)).toBe(true);
  });

  it('leaves a staked, eligible miner at the lowest tier or better', async () => {
    const { chain, contracts, accounts } = sandbox.description;
    const client = createLocalPublicClient(chain.rpcUrl, chain.chainId);
    const miner = accounts.miner.address as Address;
    const mining = contracts.mining as Address;
    expect(await client.readContract({ address: mining, abi: sandboxMiningAbi, functionName: 'isEligible', args: [miner] })).toBe(true);
    const staked = (await client.readContract({ address: mining, abi: sandboxMiningAbi, functionName: 'stakedAmount', args: [miner] })) as bigint;
    expect(staked.toString()).toBe(accounts.miner.stake);
    const [lowestTier] = (await client.readContract({ address: mining, abi: sandboxMiningAbi, functionName: 'getTier', args: [0n] })) as [bigint, bigint];
    expect(staked >= lowestTier).toBe(true);
  });

  it('authorizes the operator on its three rigs and no one else', async () => {
    const { chain, contracts, accounts } = sandbox.description;
    const client = createLocalPublicClient(chain.rpcUrl, chain.chainId);
    const authorized = (rigId: string, who: string): Promise<unknown> =>
      client.readContract({
        address: contracts.rigMining as Address,
        abi: sandboxRigMiningAbi,
        functionName: 'wouldBeAuthorizedMiner',
        args: [BigInt(rigId), who as Address, 0n],
      });
    for (const rigId of accounts.operator.rigIds) {
      expect(await authorized(rigId, accounts.operator.address)).toBe(true);
      expect(await authorized(rigId, accounts.student.address)).toBe(false);
    }
  });

  it('gives the student and the evaluator test USDC and ETH for gas', async () => {
    const { chain, contracts, accounts } = sandbox.description;
    const client = createLocalPublicClient(chain.rpcUrl, chain.chainId);
    for (const who of [accounts.student.address, accounts.evaluator.address] as Address[]) {
      const usdc = (await client.readContract({ address: contracts.usdc as Address, abi: testUsdcAbi, functionName: 'balanceOf', args: [who] })) as bigint;
      expect(usdc).toBe(10_000n * 10n ** 6n);
      expect(await client.getBalance({ address: who })).toBeGreaterThan(0n);
    }
  });

  it('serves the coordinator /health and its skill file', async () => {
    const { coordinator, chain } = sandbox.description;
    const health = await fetch(`${coordinator.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, chainId: chain.chainId });
    const skill = await fetch(coordinator.skillUrl);
    expect(skill.status).toBe(200);
    expect(await skill.text()).toContain(coordinator.url);
  });

  it('refuses to start a second sandbox on the same data dir while this one is live', async () => {
    const error = await startSandbox({ dataDir }).catch((e: unknown) => e);
    expect(isMinerError(error) && error.code).toBe('SANDBOX');
    expect((error as Error).message).toMatch(/already running/);
    // The refusal happens before anything starts: the live sandbox's file is untouched.
    expect(await readSandboxDescription(dataDir)).toEqual(sandbox.description);
  });

  it('stop() ends anvil and the coordinator and removes the description', async () => {
    const anvilPid = sandbox.anvil.pid;
    const url = sandbox.description.coordinator.url;
    await sandbox.stop();
    expect(isProcessAlive(anvilPid)).toBe(false);
    expect(existsSync(sandboxPaths(dataDir).description)).toBe(false);
    expect(existsSync(sandboxPaths(dataDir).anvilPid)).toBe(false);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    await expect(readSandboxDescription(dataDir)).rejects.toThrow(/No sandbox is running/);
  });
});
