// The `init` wizard driven end to end through injected terminal streams: it imports the
// sandbox operator's key into a keystore, picks the running sandbox and the rig lane, an
// OpenAI-compatible model (the model API stand-in) with its key saved in model.env, writes the
// profile, and the doctor it runs passes — as does a later `doctor` reading only the profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usePromptIo } from '../../../src/cli/prompt-io.js';
import { ProfileStore } from '../../../src/config/profile.js';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/network/index.js';
import { openAiCompletion, startModelApiStandIn, type ScriptedServer } from '../../support/model-api-stand-in.js';
import { runCli } from '../support/rewards-commands.js';
import { accept, choose, type, wizardTerminal } from '../support/wizard-terminal.js';

const API_KEY = 'sk-wizard-test-key-0001';
const PASSWORD = 'wizard-test-password';

describe('botcoin-miner init', () => {
  const saved = { ...process.env };
  let sandbox: SandboxHandle;
  let model: ScriptedServer;
  let configDir: string;

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'botcoin-init-'));
    configDir = join(root, 'config');
    process.env.BOTCOIN_DATA_DIR = join(root, 'data');
    process.env.BOTCOIN_CONFIG_DIR = configDir;
    for (const name of ['BOTCOIN_MODEL_API_KEY', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'BOTCOIN_PRIVATE_KEY', 'BOTCOIN_KEYSTORE_PASSWORD', 'MINER_ADDRESS', 'BOTCOIN_LANE', 'RIG_ID', 'COORDINATOR_URL', 'BASE_RPC_URL', 'BOTCOIN_MODEL', 'BOTCOIN_PROVIDER', 'BOTCOIN_MODEL_BASE_URL']) {
      delete process.env[name];
    }
    [sandbox, model] = await Promise.all([startSandbox({ dataDir: process.env.BOTCOIN_DATA_DIR, rigs: 2 }), startModelApiStandIn()]);
  });
  afterAll(async () => {
    usePromptIo(undefined);
    await Promise.all([sandbox?.stop(), model?.close()]);
    process.env = { ...saved };
  });

  it('refuses to run without a terminal (or with --json), listing the config set / env alternatives', async () => {
    const result = await runCli(['--json', 'init']);
    expect(result.exitCode).toBe(2);
    const error = JSON.parse(result.stdout).error as { code: string; message: string; hint: string };
    expect(error.code).toBe('BAD_USAGE');
    expect(error.message).toMatch(/interactive wizard/);
    for (const alternative of ['wallet new', 'config set coordinator', 'config set rigs', 'BOTCOIN_MODEL_API_KEY', 'doctor']) expect(error.hint).toContain(alternative);
  });

  it('imports the wallet, picks the sandbox, rig lane and model, writes the profile and passes doctor', async () => {
    const operator = sandbox.description.accounts.operator;
    const terminal = wizardTerminal([
      { prompt: 'Wallet', keys: choose(2) }, // import a private key
      { prompt: 'Private key (0x + 64 hex, hidden):', keys: type(operator.privateKey) },
      { prompt: 'Password for the imported keystore:', keys: type(PASSWORD) },
      { prompt: 'Repeat the password:', keys: type(PASSWORD) },
      { prompt: 'Coordinator', keys: choose(2) }, // the local sandbox
      { prompt: 'Mining lane', keys: choose(1) }, // rig lane
      { prompt: 'Rig ids (comma-separated)', keys: accept() }, // the sandbox operator's rigs
      { prompt: 'Model provider', keys: choose(1) }, // OpenAI-compatible
      { prompt: 'Model name', keys: type('gpt-4o-mini') },
      { prompt: 'Model base URL', keys: type(`${model.url}/v1`) },
      { prompt: 'API key', keys: choose(1) }, // save it in model.env
      { prompt: 'API key (hidden):', keys: type(API_KEY) },
    ]);
    usePromptIo(terminal);
    model.reply(openAiCompletion({ text: 'OK', usage: { input: 9, output: 1 } }));
    const result = await runCli(['init']);
    usePromptIo(undefined);

    expect(terminal.answered()).toBe(12);
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^All checks passed\.$/m);
    for (const id of ['coordinator', 'skill', 'rpc', 'wallet', 'gas', 'eligibility', 'model']) expect(result.stdout).toMatch(new RegExp(`^✓ ${id} `, 'm'));
    expect(result.stdout).toContain(`model API key: file ${join(configDir, 'model.env')}`);

    const profile = new ProfileStore({ cwd: configDir }).read('default');
    expect(profile).toMatchObject({
      coordinator: sandbox.description.coordinator.url,
      rpc: sandbox.description.chain.rpcUrl,
      lane: 'rig',
      rigs: sandbox.description.accounts.operator.rigIds.join(','),
      provider: 'openai',
      model: 'gpt-4o-mini',
      modelBaseUrl: `${model.url}/v1`,
    });
    const keystore = JSON.parse(await readFile(profile.keystore as string, 'utf8')) as { address: string };
    expect(`0x${keystore.address}`.toLowerCase()).toBe(operator.address.toLowerCase());

    // Secrets: the key file is private; neither secret is in the profile, the keystore, or anything shown.
    const env = join(configDir, 'model.env');
    expect((await stat(env)).mode & 0o777).toBe(0o600);
    expect(await readFile(env, 'utf8')).toContain(`BOTCOIN_MODEL_API_KEY=${API_KEY}`);
    const configText = await readFile(join(configDir, 'config.json'), 'utf8');
    for (const secret of [API_KEY, operator.privateKey, operator.privateKey.slice(2), PASSWORD]) {
      expect(configText).not.toContain(secret);
      expect(terminal.shown()).not.toContain(secret);
      expect(result.stdout + result.stderr).not.toContain(secret);
    }
    // The doctor's model call carried the key read from model.env.
    expect(model.requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('then mines one challenge with that profile on the sandbox (`mine --model answer-key`)', async () => {
    const result = await runCli(['--json', '--sandbox', 'mine', '--model', 'answer-key', '--count', '1']);
    expect(result.exitCode, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { lane: string; rigs: string[]; confirmed: number; creditsEarned: string };
    // The rigs come from the profile the wizard wrote.
    expect(summary).toMatchObject({ lane: 'rig', rigs: sandbox.description.accounts.operator.rigIds, confirmed: 1 });
    expect(BigInt(summary.creditsEarned)).toBeGreaterThan(0n);
  });

  it('the written profile alone passes a later doctor (the key comes from model.env; an exported key wins)', async () => {
    model.reply(openAiCompletion({ text: 'OK' }));
    const result = await runCli(['--json', 'doctor']);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
    expect(model.requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);

    process.env.BOTCOIN_MODEL_API_KEY = 'sk-exported-wins-0002';
    try {
      model.reply(openAiCompletion({ text: 'OK' }));
      await runCli(['--json', 'doctor']);
      expect(model.requests.at(-1)?.headers.authorization).toBe('Bearer sk-exported-wins-0002');
    } finally {
      delete process.env.BOTCOIN_MODEL_API_KEY;
    }
  });
});
