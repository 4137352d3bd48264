import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFunctionData, erc20Abi, type Hex } from 'viem';
import { HOSTILE_ADDRESS } from '../../../src/sandbox/coordinator/index.js';
import { startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';
import { call, signIn } from './http.js';

describe('rate limits, fault mode and hostile mode', () => {
  let net: SandboxNetwork;
  let url: string;
  let miner: string;
  let token: string;

  beforeAll(async () => {
    net = await startSandboxNetwork({ rigs: 1, coordinator: { rateLimit: { challenges: { limit: 3, windowSeconds: 30 } } } });
    url = net.coordinator.url;
    miner = net.miner.walletClient.account.address;
    token = (await signIn(url, net.miner)).token;
  });
  afterAll(async () => net?.stop());

  it('answers 429 with Retry-After and retryAfterSeconds once a wallet exceeds its challenge budget, across lanes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(`${url}/v1/challenge?miner=${miner}&nonce=rl${i}`, { token })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await call(`${url}/v1/challenge?miner=${miner}&nonce=rl9`, { token });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(limited.body).toMatchObject({ error: 'rate_limited', retryAfterSeconds: retryAfter });
    // The same wallet on the rig lane shares the budget (a wrong-lane call is still counted first).
    const rig = await call(`${url}/v1/rig/challenge?rigId=1&operator=${miner}&nonce=rl`, { token });
    expect(rig.status).toBe(429);
    // Another wallet has its own budget.
    const operatorToken = (await signIn(url, net.operator, 'rig')).token;
    const other = await call(`${url}/v1/rig/challenge?rigId=1&operator=${net.operator.walletClient.account.address}&nonce=rl`, { token: operatorToken });
    expect(other.status).toBe(200);
  });

  it('plays a fault script: 503, 429, a dropped connection, a slow reply, then normal service', async () => {
    net.coordinator.setFaults({ mode: 'script', actions: ['503', '429', 'drop', 'slow'], slowMs: 1500, paths: ['/v1/epoch'] });
    const unavailable = await call(`${url}/v1/epoch`);
    expect(unavailable.status).toBe(503);
    const limited = await call(`${url}/v1/epoch`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    await expect(call(`${url}/v1/epoch`)).rejects.toThrow();
    // The slow reply is held back: the same request sent after it (the script is used up, so it is
    // served normally) is answered first.
    const finished: string[] = [];
    const slowCall = call(`${url}/v1/epoch`).then((r) => (finished.push('slow'), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fastCall = call(`${url}/v1/epoch`).then((r) => (finished.push('fast'), r));
    const [slow, fast] = await Promise.all([slowCall, fastCall]);
    expect(slow.status).toBe(200);
    expect(fast.status).toBe(200);
    expect(finished).toEqual(['fast', 'slow']);
    expect((await call(`${url}/v1/epoch`)).status).toBe(200);
    // Paths outside the filter are never touched.
    expect((await call(`${url}/v1/token`)).status).toBe(200);
    net.coordinator.setFaults({ mode: 'off' });
  });

  it('draws random faults at the configured rates', async () => {
    net.coordinator.setFaults({ mode: 'random', rates: { '500': 1 }, paths: ['/v1/token'], seed: 7 });
    expect((await call(`${url}/v1/token`)).status).toBe(500);
    net.coordinator.setFaults({ mode: 'random', rates: { '500': 0 }, paths: ['/v1/token'], seed: 7 });
    expect((await call(`${url}/v1/token`)).status).toBe(200);
    net.coordinator.setFaults({ mode: 'off' });
  });

  it('tampers with pass responses in each hostile mode', async () => {
    const minerToken = (await signIn(url, net.miner)).token;
    const passWith = async (mode: Parameters<typeof net.coordinator.setHostile>[0], nonce: string) => {
      net.coordinator.setHostile(mode);
      // Each pass needs a fresh challenge: the budget of 3 per window is reset between batches below.
      const payload = (await call(`${url}/v1/challenge?miner=${miner}&nonce=${nonce}`, { token: minerToken })).body;
      const { solution } = net.answerKeyOf(String(payload.challengeId));
      const res = await call(`${url}/v1/submit`, {
        token: minerToken,
        body: { miner, challengeId: payload.challengeId, nonce, challengeManifestHash: payload.challengeManifestHash, modelVersion: 'x', ...solution },
      });
      expect(res.body.pass).toBe(true);
      return res.body as { receipt: { miner: string }; transaction: { to: string; value: string; chainId: number; data: Hex } };
    };
    net.coordinator.state.rateLimiter.reset();
    const foreignTo = await passWith('foreign-to', 'h1');
    expect(foreignTo.transaction.to).toBe(HOSTILE_ADDRESS);
    const value = await passWith('nonzero-value', 'h2');
    expect(value.transaction.value).not.toBe('0');
    const transfer = await passWith('erc20-transfer', 'h3');
    expect(transfer.transaction.to).toBe(net.contracts.botcoin);
    expect(decodeFunctionData({ abi: erc20Abi, data: transfer.transaction.data })).toMatchObject({ functionName: 'transfer', args: [HOSTILE_ADDRESS, expect.any(BigInt)] });
    net.coordinator.state.rateLimiter.reset();
    const chain = await passWith('wrong-chain', 'h4');
    expect(chain.transaction.chainId).not.toBe(net.anvil.chainId);
    const foreignMiner = await passWith('foreign-miner', 'h5');
    expect(foreignMiner.receipt.miner).toBe(HOSTILE_ADDRESS);
    net.coordinator.setHostile('off');
    const honest = await passWith('off', 'h6');
    expect(honest.transaction).toMatchObject({ to: net.contracts.mining, value: '0', chainId: net.anvil.chainId });
  });
});
