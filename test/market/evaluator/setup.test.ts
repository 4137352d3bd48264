import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { evaluatorKeyFromEnv, resolvePaymentSetup } from '../../../src/market/evaluator/setup.js';
import { requestEvaluation } from '../../../src/market/student/request.js';
import { devAccount, feedbackRequest, referenceAttempt, ROLE, startMarket, type Market } from '../market-fixture.js';
import { rejection } from '../../support/rejection.js';

let market: Market;
let dataDir: string;

beforeAll(async () => {
  market = await startMarket();
  dataDir = mkdtempSync(join(tmpdir(), 'botcoin-serve-'));
  mkdirSync(join(dataDir, 'sandbox'), { recursive: true });
  writeFileSync(
    join(dataDir, 'sandbox', 'sandbox.json'),
    JSON.stringify({ rpcUrl: market.anvil.rpcUrl, chainId: market.anvil.chainId, contracts: { usdc: market.usdc.address }, accounts: {} }),
  );
});

afterAll(async () => {
  await market?.stop();
});

describe('evaluator serve setup', () => {
  it('reads the sandbox description and settles in-process with the sandbox gas payer', async () => {
    const setup = await resolvePaymentSetup({ network: 'sandbox', dataDir, env: {} });
    expect(setup.network).toBe(`eip155:${market.anvil.chainId}`);
    expect(setup.asset).toMatchObject({ address: market.usdc.address, name: 'USD Coin', version: '2', decimals: 6 });
    expect(setup.gasPayer).toBe(devAccount(ROLE.gasPayer).address);
    const evaluator = await market.evaluator('constraint-auditor', { facilitator: setup.facilitator, network: setup.network, asset: setup.asset });
    const attempt = referenceAttempt();
    const result = await requestEvaluation(evaluator.card, feedbackRequest(attempt), { account: market.student, budget: market.budget() });
    expect(result.receipt.success).toBe(true);
  });

  it('takes the gas payer from BOTCOIN_FACILITATOR_PRIVATE_KEY and flags over the description', async () => {
    const key = generatePrivateKey();
    const setup = await resolvePaymentSetup({ network: 'sandbox', dataDir, usdc: '0x0000000000000000000000000000000000000bad', env: { BOTCOIN_FACILITATOR_PRIVATE_KEY: key } });
    expect(setup.gasPayer).toBe(privateKeyToAccount(key).address);
    expect(setup.asset.address.toLowerCase()).toBe('0x0000000000000000000000000000000000000bad');
  });

  it('uses the public facilitator on Base Sepolia and demands one on Base', async () => {
    const sepolia = await resolvePaymentSetup({ network: 'base-sepolia', env: {} });
    expect(sepolia).toMatchObject({ network: 'eip155:84532', gasPayer: 'remote facilitator', asset: { address: '0x036CbD53842c5426634e7929541eC2318f3dCF7e', name: 'USDC' } });
    expect((await rejection(resolvePaymentSetup({ network: 'base', env: {} }))).code).toBe('BAD_USAGE');
    expect((await rejection(resolvePaymentSetup({ network: 'base', facilitator: 'in-process', env: {} }))).shortMessage).toMatch(/RPC URL/);
    expect((await rejection(resolvePaymentSetup({ network: 'base', facilitator: 'in-process', rpcUrl: market.anvil.rpcUrl, env: {} }))).code).toBe('CONFIG');
  });

  it('refuses the sandbox without a USDC address', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'botcoin-serve-empty-'));
    expect((await rejection(resolvePaymentSetup({ network: 'sandbox', dataDir: empty, env: {} }))).code).toBe('CONFIG');
  });

  it('reads the evaluator key from BOTCOIN_EVALUATOR_PRIVATE_KEY', () => {
    const key = generatePrivateKey();
    expect(evaluatorKeyFromEnv({ BOTCOIN_EVALUATOR_PRIVATE_KEY: key })?.address).toBe(privateKeyToAccount(key).address);
    expect(evaluatorKeyFromEnv({})).toBeUndefined();
  });
});
