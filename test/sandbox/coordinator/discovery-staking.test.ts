import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Address, type Hex } from 'viem';
import { sandboxMiningAbi } from '../../../src/sandbox/contracts/index.js';
import { servedEndpoints } from '../../../src/sandbox/coordinator/index.js';
import { WAD, startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';
import { call } from './http.js';

describe('discovery and staking calldata', () => {
  let net: SandboxNetwork;
  let url: string;

  beforeAll(async () => {
    net = await startSandboxNetwork({ rigs: 0, coordinator: { answerKeyDir: undefined } });
    url = net.coordinator.url;
  });
  afterAll(async () => net?.stop());

  it('serves a skill.md naming exactly the served endpoints, the lanes and this deployment', async () => {
    const res = await fetch(`${url}/.well-known/skill.md`);
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    const skill = await res.text();
    expect(skill.startsWith('---\nname: ')).toBe(true);

    const listed = [...skill.matchAll(/^- `(GET|POST) (\/[^`\s]*)`$/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    const served = servedEndpoints(net.coordinator.app).map((e) => `${e.method} ${e.path}`).sort();
    expect(listed).toEqual(served);
    expect(served).toContain('GET /v1/rig/attempt/{attemptId}');

    // Every curl example names a served path.
    const servedPaths = new Set(served.map((s) => s.split(' ')[1]!.replace('{attemptId}', 'ATTEMPT_ID')));
    const curlPaths = [...skill.matchAll(/\$\{COORDINATOR_URL\}(\/v1\/[^?"\s]*)/g)].map((m) => m[1]!);
    expect(curlPaths.length).toBeGreaterThan(15);
    for (const path of curlPaths) expect(servedPaths.has(path), path).toBe(true);
    expect(skill).toMatch(/\/v1\/challenge\?miner=0xYOUR_WALLET&nonce=/);
    expect(skill).toContain('"lane":"rig"');

    const table = Object.fromEntries([...skill.matchAll(/^\| (\w+) \| (0x[0-9a-fA-F]{40}) \|$/gm)].map((m) => [m[1], m[2]]));
    expect(table).toEqual({
      BOTCOIN: net.contracts.botcoin,
      BotcoinMining: net.contracts.mining,
      BotcoinMiningRigs: net.contracts.rigMining,
      MiningRigNFT: net.contracts.rigNft,
    });
    expect(skill).toContain(`Chain ID: ${net.anvil.chainId}`);
    expect(skill).not.toContain('{{');
  });

  it('answers /health and /v1/token from the chain', async () => {
    expect((await call(`${url}/health`)).body).toMatchObject({ ok: true, chainId: net.anvil.chainId, epochId: '0' });
    expect((await call(`${url}/v1/token`)).body).toMatchObject({ address: net.contracts.botcoin, symbol: 'BOTCOIN', decimals: 18, chainId: net.anvil.chainId });
    expect((await call(`${url}/v1/nope`)).status).toBe(404);
  });

  it('builds unstake, withdraw, approve and stake transactions that work when broadcast', async () => {
    const miner = net.miner.walletClient.account.address;
    const send = async (path: string) => {
      const res = await call<{ transaction: { to: Address; data: Hex; value: string; chainId: number } }>(`${url}${path}`);
      expect(res.status).toBe(200);
      expect(res.body.transaction).toMatchObject({ value: '0', chainId: net.anvil.chainId });
      const hash = await net.miner.walletClient.sendTransaction({ to: res.body.transaction.to, data: res.body.transaction.data });
      expect((await net.miner.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
    };
    const staked = () => net.miner.publicClient.readContract({ address: net.contracts.mining, abi: sandboxMiningAbi, functionName: 'stakedAmount', args: [miner] });
    const amount = 5_000_000n * WAD;
    expect(await staked()).toBe(amount);

    await send('/v1/unstake-calldata');
    await net.testClient.increaseTime({ seconds: 601 });
    await net.testClient.mine({ blocks: 1 });
    await send('/v1/withdraw-calldata');
    expect(await staked()).toBe(0n);

    await send(`/v1/stake-approve-calldata?amount=${amount}`);
    await send(`/v1/stake-calldata?amount=${amount}`);
    expect(await staked()).toBe(amount);

    expect((await call(`${url}/v1/stake-calldata?amount=-1`)).status).toBe(400);
    expect((await call(`${url}/v1/claim-calldata?epochs=`)).status).toBe(400);
  });
});
