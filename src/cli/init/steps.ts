/**
 * The `init` wizard's questions, one function per step. Each returns the profile values it
 * chose; secrets never become profile values: the key goes into the keystore, the model API
 * key into the environment or `<config dir>/model.env` (0600) — and the wizard says which.
 */
import type { Address } from 'viem';
import type { PromptIo } from '../../chain/wallet/password.js';
import { MinerError } from '../../errors.js';
import type { ProfileValues } from '../../config/profile.js';

export interface StepContext {
  io: PromptIo;
  dataDir: string | undefined;
  /** Current values (flags, env, profile), offered as defaults. */
  current: (key: 'coordinator' | 'rpc' | 'lane' | 'rigs' | 'provider' | 'model' | 'modelBaseUrl') => string | undefined;
  note: (message: string) => void;
}

const PRODUCTION_COORDINATOR = 'https://coordinator.agentmoney.net';
const PRODUCTION_RPC = 'https://mainnet.base.org';
const MODEL_BASE_URLS = { openai: 'https://api.openai.com/v1', anthropic: 'https://api.anthropic.com' } as const;

export interface WalletChoice {
  address: Address;
  keystore: string;
}

export async function walletStep(step: StepContext): Promise<WalletChoice> {
  const { select } = await import('@inquirer/prompts');
  const { walletAddress, createWallet, importWallet } = await import('../../chain/wallet/store.js');
  const { readPassword, promptSecret } = await import('../../chain/wallet/password.js');
  const existing = await walletAddress({ ...(step.dataDir ? { dataDir: step.dataDir } : {}), env: {} }).catch(() => undefined);
  const choice = await select(
    {
      message: 'Wallet',
      choices: [
        ...(existing?.keystore ? [{ name: `Use ${existing.address} (${existing.keystore})`, value: 'existing' as const }] : []),
        { name: 'Create a new wallet (encrypted keystore)', value: 'new' as const },
        { name: 'Import a private key into an encrypted keystore', value: 'import' as const },
      ],
    },
    step.io,
  );
  if (choice === 'existing' && existing?.keystore) return { address: existing.address, keystore: existing.keystore };
  const prompt = { interactive: true, io: step.io, env: {} };
  const options = step.dataDir ? { dataDir: step.dataDir } : {};
  if (choice === 'new') {
    const password = await readPassword('the new keystore', { ...prompt, confirm: true });
    const info = await createWallet(password, options);
    step.note(`Created wallet ${info.address}; keystore ${info.keystore}. Back up the file and its password: without both the key is lost.`);
    return { address: info.address, keystore: info.keystore as string };
  }
  const key = await promptSecret('Private key (0x + 64 hex, hidden):', new MinerError('WALLET', 'No terminal to read the key from.'), prompt);
  const password = await readPassword('the imported keystore', { ...prompt, confirm: true });
  const info = await importWallet(key, password, options);
  step.note(`Imported wallet ${info.address}; keystore ${info.keystore} (the key itself is stored nowhere else).`);
  return { address: info.address, keystore: info.keystore as string };
}

export interface NetworkChoice {
  values: ProfileValues;
  /** Rig ids the sandbox delegated to its operator, offered as the default. */
  sandboxRigs?: string[];
}

export async function networkStep(step: StepContext): Promise<NetworkChoice> {
  const { select, input } = await import('@inquirer/prompts');
  const where = await select(
    {
      message: 'Coordinator',
      choices: [
        { name: `Production (${PRODUCTION_COORDINATOR}, Base mainnet)`, value: 'production' as const },
        { name: 'Local sandbox (started with `botcoin-miner sandbox up`)', value: 'sandbox' as const },
        { name: 'Custom URL', value: 'custom' as const },
      ],
    },
    step.io,
  );
  if (where === 'sandbox') {
    const { readSandboxDescription } = await import('../../sandbox/network/description.js');
    const description = await readSandboxDescription(step.dataDir);
    step.note(`Sandbox: coordinator ${description.coordinator.url}, chain ${description.chain.chainId} at ${description.chain.rpcUrl}.`);
    return { values: { coordinator: description.coordinator.url, rpc: description.chain.rpcUrl }, sandboxRigs: description.accounts.operator.rigIds };
  }
  const coordinator =
    where === 'production'
      ? PRODUCTION_COORDINATOR
      : await input({ message: 'Coordinator URL', default: step.current('coordinator'), validate: httpUrl }, step.io);
  const rpcDefault = where === 'production' ? PRODUCTION_RPC : step.current('rpc');
  const rpc = await input({ message: 'Chain RPC URL', ...(rpcDefault ? { default: rpcDefault } : {}), validate: httpUrl }, step.io);
  return { values: { coordinator: coordinator.replace(/\/+$/, ''), rpc } };
}

export async function laneStep(step: StepContext, sandboxRigs: string[] | undefined): Promise<ProfileValues> {
  const { select, input } = await import('@inquirer/prompts');
  const lane = await select(
    {
      message: 'Mining lane',
      default: step.current('lane') === 'wallet' ? 'wallet' : 'rig',
      choices: [
        { name: 'Rig lane: mine with rig NFTs you own or operate', value: 'rig' as const },
        { name: 'Wallet lane: mine with BOTCOIN staked by this wallet', value: 'wallet' as const },
      ],
    },
    step.io,
  );
  if (lane === 'wallet') return { lane };
  const fallback = step.current('rigs') ?? sandboxRigs?.join(',');
  const rigs = await input(
    {
      message: 'Rig ids (comma-separated)',
      ...(fallback ? { default: fallback } : {}),
      validate: (value) => (/^\s*\d+\s*(,\s*\d+\s*)*$/.test(value) ? true : 'Enter rig ids like 1,2,3'),
    },
    step.io,
  );
  return { lane, rigs: rigs.split(',').map((r) => BigInt(r.trim()).toString()).join(',') };
}

export interface ModelChoice {
  values: ProfileValues;
  /** Where the API key lives: `model.env` path, the environment, or nowhere (local server / agent mode). */
  key: { storage: 'file'; path: string } | { storage: 'env' } | { storage: 'none' };
}

export async function modelStep(step: StepContext): Promise<ModelChoice> {
  const { select, input } = await import('@inquirer/prompts');
  const provider = await select(
    {
      message: 'Model provider',
      choices: [
        { name: 'OpenAI-compatible endpoint (OpenAI, OpenRouter, vLLM, Ollama, llama.cpp, LM Studio)', value: 'openai' as const },
        { name: 'Anthropic Messages API', value: 'anthropic' as const },
        { name: 'None for now (agent mode: the calling agent answers)', value: 'none' as const },
      ],
    },
    step.io,
  );
  if (provider === 'none') return { values: { strategy: 'agent' }, key: { storage: 'none' } };
  const model = await input({ message: 'Model name', default: step.current('model'), validate: (v) => (v.trim() ? true : 'Enter a model name') }, step.io);
  const baseUrl = await input({ message: 'Model base URL', default: step.current('modelBaseUrl') ?? MODEL_BASE_URLS[provider], validate: httpUrl }, step.io);
  const { modelEnvPath, writeModelEnv } = await import('../../config/model-env.js');
  const path = modelEnvPath();
  const storage = await select(
    {
      message: 'API key',
      choices: [
        { name: `Save it in ${path} (mode 0600, read after the environment)`, value: 'file' as const },
        { name: 'I will export BOTCOIN_MODEL_API_KEY in my environment', value: 'env' as const },
        { name: 'No key (a local server)', value: 'none' as const },
      ],
    },
    step.io,
  );
  const values: ProfileValues = { provider, model: model.trim(), modelBaseUrl: baseUrl };
  if (storage === 'env') {
    step.note('Export BOTCOIN_MODEL_API_KEY=<key> in the shell that runs the miner (never put it in the profile).');
    return { values, key: { storage } };
  }
  if (storage === 'none') return { values, key: { storage } };
  const { password } = await import('@inquirer/prompts');
  const key = await password({ message: 'API key (hidden):', validate: (v) => (v.trim() ? true : 'Enter the key') }, step.io);
  await writeModelEnv(key, path);
  step.note(`Saved the API key in ${path} (mode 0600); an exported BOTCOIN_MODEL_API_KEY overrides it.`);
  return { values, key: { storage: 'file', path } };
}

function httpUrl(value: string): true | string {
  return /^https?:\/\/[^/\s]+/i.test(value.trim()) ? true : 'Enter an http(s):// URL';
}
