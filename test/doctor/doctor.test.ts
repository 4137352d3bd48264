// The doctor against a real sandbox (anvil + contracts + coordinator) and the model API
// stand-in: a healthy setup passes every check; each broken piece fails its own check with a
// hint and the exit code of its class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import type { Address } from 'viem';
import { MinerError } from '../../src/errors.js';
import { runDoctor, renderDoctor, type DoctorInputs, type DoctorReport } from '../../src/doctor/index.js';
import { Chalk } from 'chalk';
import { colours } from '../../src/util/colours.js';
import { startAnvil, type AnvilHandle } from '../../src/sandbox/chain/anvil.js';
import { findFreePort } from '../../src/sandbox/chain/free-port.js';
import { ACCOUNT, startSandboxNetwork, type SandboxNetwork } from '../support/sandbox-network.js';
import { openAiCompletion, openAiError, startModelApiStandIn, type ScriptedServer } from '../support/model-api-stand-in.js';

describe('doctor', () => {
  let net: SandboxNetwork;
  let model: ScriptedServer;
  let otherChain: AnvilHandle;
  const operator = (): Address => net.operator.walletClient.account.address;
  const inputs = (overrides: Partial<DoctorInputs> = {}): DoctorInputs => ({
    coordinatorUrl: net.coordinator.url,
    rpcUrl: net.anvil.rpcUrl,
    lane: 'rig',
    rigIds: net.rigIds,
    resolveWallet: async () => ({ address: operator(), source: 'test' }),
    model: { provider: 'openai', model: 'gpt-4o-mini', baseUrl: `${model.url}/v1`, apiKey: 'sk-test-doctor-key-123' },
    ...overrides,
  });
  const check = (report: DoctorReport, id: string) => report.checks.find((c) => c.id === id);

  beforeAll(async () => {
    [net, model, otherChain] = await Promise.all([startSandboxNetwork({ rigs: 2 }), startModelApiStandIn(), startAnvil({ chainId: 8453 + 1 })]);
  });
  afterAll(async () => {
    await Promise.all([net?.stop(), model?.close(), otherChain?.stop()]);
  });

  it('passes every check on a healthy sandbox (rig lane), with one one-token model call', async () => {
    model.reply(openAiCompletion({ text: 'OK', usage: { input: 12, output: 1 } }));
    const before = model.requests.length;
    const report = await runDoctor(inputs());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report).toMatchObject({ ok: true, exitCode: 0 });
    expect(report.checks.map((c) => c.id)).toEqual(['coordinator', 'skill', 'rpc', 'wallet', 'gas', 'eligibility', 'model']);
    expect(check(report, 'rpc')?.summary).toContain(`chain ${net.anvil.chainId}`);
    expect(check(report, 'skill')?.summary).toMatch(/lane rig/);
    expect(check(report, 'eligibility')?.summary).toContain(net.rigIds.join(', '));
    const calls = model.requests.slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.json).toMatchObject({ max_tokens: 1 });
    expect(calls[0]?.headers.authorization).toBe('Bearer sk-test-doctor-key-123');
  });

  it('passes the wallet lane on the staked miner and reports its stake tier', async () => {
    const report = await runDoctor(inputs({ lane: 'wallet', rigIds: [], resolveWallet: async () => ({ address: net.miner.walletClient.account.address, source: 'test' }), model: { provider: 'openai', model: undefined } }));
    expect(report.ok).toBe(true);
    expect(check(report, 'eligibility')?.summary).toMatch(/5000000 BOTCOIN staked: tier 1 \(100 credits per solve\)/);
    expect(check(report, 'model')).toMatchObject({ ok: true, skipped: true });
  });

  it('coordinator down → the coordinator and skill checks fail with a hint, exit 3', async () => {
    const port = await findFreePort();
    const report = await runDoctor(inputs({ coordinatorUrl: `http://127.0.0.1:${port}` }));
    expect(report).toMatchObject({ ok: false, exitCode: 3 });
    expect(check(report, 'coordinator')).toMatchObject({ ok: false, exitCode: 3 });
    expect(check(report, 'coordinator')?.hint).toMatch(/COORDINATOR_URL/);
    expect(check(report, 'skill')).toMatchObject({ ok: false, exitCode: 3 });
    // The chain-side checks still run against the sandbox chain (Base mainnet expected without a skill file).
    expect(check(report, 'rpc')).toMatchObject({ ok: false, exitCode: 2 });
  });

  it('an RPC on another chain than the skill file names → the rpc check fails (exit 2) and the chain checks are not run', async () => {
    const report = await runDoctor(inputs({ rpcUrl: otherChain.rpcUrl }));
    expect(report).toMatchObject({ ok: false, exitCode: 2 });
    expect(check(report, 'rpc')?.summary).toMatch(new RegExp(`^RPC http://127\\.0\\.0\\.1:${otherChain.port}/? is on chain ${otherChain.chainId}, but the coordinator's skill file is chain ${net.anvil.chainId}$`));
    expect(check(report, 'rpc')?.hint).toContain(`chain ${net.anvil.chainId}`);
    expect(check(report, 'eligibility')).toMatchObject({ ok: false, skipped: true });
  });

  it('a rig this wallet does not operate → the eligibility check fails, exit 4', async () => {
    const stranger = net.wallet(ACCOUNT.stranger).walletClient.account.address;
    const report = await runDoctor(inputs({ resolveWallet: async () => ({ address: stranger, source: 'test' }), model: { provider: 'openai', model: undefined } }));
    expect(report).toMatchObject({ ok: false, exitCode: 4 });
    expect(check(report, 'eligibility')).toMatchObject({ ok: false, exitCode: 4 });
    expect(check(report, 'eligibility')?.summary).toContain(`not authorized to mine rigs ${net.rigIds.join(', ')}`);
    expect(check(report, 'eligibility')?.hint).toMatch(/delegate/);
  });

  it('a rejected model key (401) fails the model check with the variable to set, exit 4', async () => {
    model.reply(openAiError(401, { message: 'Incorrect API key provided: sk-test-****-123.', code: 'invalid_api_key' }));
    const report = await runDoctor(inputs());
    expect(report).toMatchObject({ ok: false, exitCode: 4 });
    expect(check(report, 'model')).toMatchObject({ ok: false, exitCode: 4 });
    expect(check(report, 'model')?.summary).toMatch(/API key was rejected \(401\)/);
    expect(check(report, 'model')?.hint).toContain('BOTCOIN_MODEL_API_KEY');
    expect(JSON.stringify(report)).not.toContain('sk-test-doctor-key-123');
  });

  it('no wallet configured → the wallet check fails (exit 2) with how to create one; a wallet without ETH fails the gas check', async () => {
    const none = await runDoctor(inputs({ resolveWallet: () => Promise.reject(new MinerError('WALLET', 'No wallet found.', { hint: 'Create one with `botcoin-miner wallet new`.' })), model: { provider: 'openai', model: undefined } }));
    expect(none).toMatchObject({ ok: false, exitCode: 2 });
    expect(check(none, 'wallet')?.hint).toMatch(/wallet new/);
    expect(check(none, 'gas')).toMatchObject({ ok: false, skipped: true });

    const empty = privateKeyToAccount(generatePrivateKey()).address;
    const poor = await runDoctor(inputs({ resolveWallet: async () => ({ address: empty, source: 'test' }), model: { provider: 'openai', model: undefined } }));
    expect(check(poor, 'gas')).toMatchObject({ ok: false, exitCode: 4 });
    expect(check(poor, 'gas')?.summary).toMatch(/^gas balance 0 ETH is below 0.0005 ETH$/);
    expect(check(poor, 'gas')?.hint).toContain(empty);
  });

  it('renders one line per check with ✓/✗ and hints, without colour codes under NO_COLOR', async () => {
    model.reply(openAiError(401, { message: 'bad key' }));
    const report = await runDoctor(inputs());
    const text = renderDoctor(report, colours({ NO_COLOR: '1' }));
    expect(text).not.toMatch(/\u001b\[/);
    expect(text.split('\n').filter((line) => /^[✓✗–] /.test(line))).toHaveLength(7);
    expect(text).toMatch(/^✗ model +.*401/m);
    expect(text).toMatch(/^ {2}hint: Set BOTCOIN_MODEL_API_KEY/m);
    // With colour on (a terminal without NO_COLOR), the marks are coloured.
    expect(renderDoctor(report, new Chalk({ level: 1 }))).toMatch(/\u001b\[/);
  });
});
