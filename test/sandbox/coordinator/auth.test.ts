import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxNetwork, type SandboxNetwork } from '../../support/sandbox-network.js';
import { call, signIn } from './http.js';

describe('coordinator authentication', () => {
  let net: SandboxNetwork;
  let url: string;

  beforeAll(async () => {
    net = await startSandboxNetwork({ rigs: 1, coordinator: { answerKeyDir: undefined, tokenTtlSeconds: 2 } });
    url = net.coordinator.url;
  });
  afterAll(async () => net?.stop());

  it('issues the production eight-line message with the sandbox chain id', async () => {
    const miner = net.miner.walletClient.account.address;
    const res = await call(`${url}/v1/auth/nonce`, { body: { miner } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ miner, signatureType: 'personal_sign', audience: 'challenge_access', tokenTtlSeconds: 2 });
    const lines = String(res.body.message).split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('Botcoin Auth');
    expect(lines[1]).toBe(`Domain: ${new URL(url).host}`);
    expect(lines[2]).toBe(`Address: ${miner.toLowerCase()}`);
    expect(lines[3]).toMatch(/^Nonce: [0-9a-f]{32}$/);
    expect(lines[3]).toBe(`Nonce: ${res.body.nonce}`);
    expect(lines[4]).toBe(`Issued At: ${res.body.issuedAt}`);
    expect(lines[5]).toBe(`Expires At: ${res.body.expiresAt}`);
    expect(Date.parse(String(res.body.expiresAt)) - Date.parse(String(res.body.issuedAt))).toBe(300_000);
    expect(lines[6]).toBe(`Chain ID: ${net.anvil.chainId}`);
    expect(lines[7]).toBe('Action: challenge_access');
  });

  it('exchanges a valid signature for a bearer token, once per nonce', async () => {
    const miner = net.miner.walletClient.account.address;
    const nonce = await call<{ message: string }>(`${url}/v1/auth/nonce`, { body: { miner } });
    const signature = await net.miner.walletClient.signMessage({ message: nonce.body.message });
    const verified = await call(`${url}/v1/auth/verify`, { body: { miner, message: nonce.body.message, signature } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ tokenType: 'Bearer', expiresInSeconds: 2, audience: 'challenge_access', miner, creditsPerSolve: 100 });
    expect(verified.body.lane).toBeUndefined();
    const replay = await call(`${url}/v1/auth/verify`, { body: { miner, message: nonce.body.message, signature } });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: 'invalid_nonce', message: expect.any(String) });
  });

  it('refuses a signature from another wallet (401) and a malformed request (400)', async () => {
    const miner = net.miner.walletClient.account.address;
    const nonce = await call<{ message: string }>(`${url}/v1/auth/nonce`, { body: { miner } });
    const forged = await net.wallet(5).walletClient.signMessage({ message: nonce.body.message });
    const bad = await call(`${url}/v1/auth/verify`, { body: { miner, message: nonce.body.message, signature: forged } });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid_signature');
    const malformed = await call(`${url}/v1/auth/nonce`, { body: { miner: 'not-an-address' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('invalid_address');
  });

  it('answers 401 for an expired or unknown token and 403 for a wallet-lane token on /v1/rig/*', async () => {
    const miner = net.miner.walletClient.account.address;
    const { token } = await signIn(url, net.miner);
    const rigUrl = `${url}/v1/rig/challenge?rigId=1&operator=${miner}&nonce=n1`;
    const wrongLane = await call(rigUrl, { token });
    expect(wrongLane.status).toBe(403);
    expect(wrongLane.body.error).toBe('WRONG_LANE');
    const unknown = await call(`${url}/v1/challenge?miner=${miner}&nonce=n1`, { token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    const missing = await call(`${url}/v1/challenge?miner=${miner}&nonce=n1`);
    expect(missing.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await call(`${url}/v1/challenge?miner=${miner}&nonce=n1`, { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('invalid_token');
  });

  it('issues rig-lane tokens when asked for lane "rig"', async () => {
    const verified = await signIn(url, net.operator, 'rig');
    expect(verified.lane).toBe('rig');
  });
});
