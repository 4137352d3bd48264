/**
 * openMinerSession: everything one mining command needs, resolved once — the chain (RPC and its
 * `eth_chainId`), the coordinator (skill file fetched, parsed and checked against that chain),
 * the wallet, the allow-list (built-in + skill + sandbox), one nonce allocator for the wallet
 * (shared by all rigs), the wallet's ledger and miner lock, the shared rate-limit gate, and the
 * solving strategy with its model provider. `close()` releases all of it.
 *
 * Settings arrive already resolved (flag > env > profile > default: the CLI does that with its
 * context, an MCP tool or a test passes values directly). With `sandbox`, the sandbox description
 * supplies the coordinator, the RPC and the test wallet of the lane (see sandbox-source.ts).
 */
import { createPublicClient, createWalletClient, defineChain, getAddress, http, type Address, type Chain, type PublicClient } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { builtInAddressBook } from '../chain/addresses/built-in.js';
import { NonceAllocator } from '../chain/broadcast/nonce-allocator.js';
import type { SigningWalletClient } from '../chain/broadcast/sign.js';
import { MinerError } from '../errors.js';
import { openLedger, type Ledger, type MinerLock } from '../ledger/index.js';
import { createCoordinatorClient, type CoordinatorClient } from '../protocol/index.js';
import type { RetryPolicy } from '../protocol/http/backoff.js';
import type { RetryEvent } from '../protocol/http/types.js';
import { allowListFor, type AllowList } from '../protocol/skill/allow-list.js';
import type { SkillInfo } from '../protocol/skill/types.js';
import type { SolveStrategy, StrategyName } from '../solver/strategy.js';
import type { ModelProvider } from '../solver/providers/types.js';
import type { MinerLane } from './events.js';
import { discoverSkill, rpcChainId } from './endpoint-checks.js';
import { ledgerHome } from './ledger-home.js';
import { RateGate } from './rate-gate.js';
import { resolveSandbox, sandboxAddressBook, type SandboxSource } from './sandbox-source.js';
import { openModel, type ModelSettings } from './model.js';

export interface MinerSettings extends ModelSettings {
  coordinator?: string | undefined;
  rpc?: string | undefined;
  lane?: string | undefined;
  /** Rig ids, comma-separated or as a list. */
  rigs?: string | readonly string[] | undefined;
  keystore?: string | undefined;
  dataDir?: string | undefined;
  sandbox?: boolean | undefined;
  strategy?: string | undefined;
  /** Where the wallet key / keystore password come from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** May the keystore password be prompted for (a terminal without --json)? */
  interactive?: boolean;
  /** Open the model provider (mine, solve); `challenge` and `submit` need none. */
  needsModel?: boolean;
  /** Coordinator retry policy override (tests shorten the 2-60 s protocol backoff). */
  coordinatorRetry?: Partial<RetryPolicy>;
  /** How long to wait for a receipt to be mined before re-checking (default 120 s). */
  confirmTimeoutMs?: number;
  /** Human notes (stderr). */
  notice?: (message: string) => void;
  /** Each retried coordinator request (429, 5xx, dropped connection), e.g. for `--verbose`. */
  onCoordinatorRetry?: (event: RetryEvent) => void;
}

export interface MinerSession {
  readonly lane: MinerLane;
  /** Rigs to mine (rig lane; may be empty for commands that need none); decimal strings. */
  readonly rigs: string[];
  readonly address: Address;
  readonly account: PrivateKeyAccount;
  readonly chainId: number;
  readonly coordinator: CoordinatorClient;
  readonly skill: SkillInfo;
  readonly publicClient: PublicClient;
  readonly walletClient: SigningWalletClient;
  readonly allowList: AllowList;
  readonly nonces: NonceAllocator;
  readonly ledger: Ledger;
  readonly gate: RateGate;
  readonly strategyName: StrategyName;
  readonly strategy: SolveStrategy | undefined;
  readonly provider: ModelProvider | undefined;
  /** `provider/model` for the ledger's `modelVersion`. */
  readonly modelVersion: string;
  readonly sandbox: SandboxSource | undefined;
  readonly confirmTimeoutMs: number;
  readonly notice: (message: string) => void;
  close(): Promise<void>;
}

const STRATEGIES: readonly StrategyName[] = ['hybrid', 'llm', 'agent'];

export async function openMinerSession(settings: MinerSettings): Promise<MinerSession> {
  const notice = settings.notice ?? (() => {});
  const cleanups: Array<() => Promise<void>> = [];
  try {
    const sandbox = settings.sandbox ? await resolveSandbox(settings.dataDir, notice) : undefined;
    if (sandbox) cleanups.push(() => sandbox.stop());
    const lane = parseLane(settings.lane);
    const strategyName = parseStrategy(settings.strategy);
    const rpc = sandbox?.description.chain.rpcUrl ?? required(settings.rpc, 'rpc', 'Set BASE_RPC_URL or pass --rpc <url>.');
    const coordinatorUrl = sandbox?.description.coordinator.url ?? required(settings.coordinator, 'coordinator', 'Set COORDINATOR_URL or pass --coordinator <url>.');

    const chainId = await rpcChainId(rpc);
    const chain = chainFor(rpc, chainId);
    const publicClient = createPublicClient({ chain, transport: http(rpc, { retryCount: 2 }), pollingInterval: chainId === 8453 ? 2_000 : 250 }) as PublicClient;
    const skill = await discoverSkill(coordinatorUrl, chainId);

    const account = await loadWallet(settings, sandbox, lane);
    const walletClient = createWalletClient({ account, chain, transport: http(rpc, { retryCount: 2 }) }) as SigningWalletClient;
    const allowList = allowListFor(chainId, {
      builtIn: builtInAddressBook(chainId),
      skill,
      ...(sandbox ? { sandbox: sandboxAddressBook(sandbox.description) } : {}),
    });

    const gate = new RateGate();
    const coordinator = createCoordinatorClient({
      baseUrl: coordinatorUrl,
      account,
      skill,
      chainId,
      http: {
        ...(settings.coordinatorRetry ? { retry: settings.coordinatorRetry } : {}),
        // One operator, one budget: a 429 on any rig pauses every rig (rate-gate.ts).
        onRetry: (event) => {
          if (event.status === 429) gate.pause(event.delayMs);
          settings.onCoordinatorRetry?.(event);
        },
      },
    });
    cleanups.push(() => coordinator.close());

    const home = ledgerHome(settings.dataDir, sandbox?.description);
    const ledger = openLedger({ wallet: account.address, ...(home ? { dir: home } : {}), onWarning: (w) => notice(`ledger ${w.file}:${w.line}: ${w.message}`) });
    const lock: MinerLock = await ledger.acquireMinerLock();
    cleanups.push(() => lock.release());

    const rigs = lane === 'rig' ? parseRigs(settings.rigs, sandbox) : [];
    const { createStrategy } = await import('../solver/index.js');
    const strategy = settings.needsModel ? createStrategy(strategyName) : undefined;
    const model = settings.needsModel && strategyName !== 'agent' ? await openModel(settings, sandbox, notice) : undefined;
    if (model) cleanups.push(() => model.close());

    return {
      lane,
      rigs,
      address: account.address,
      account,
      chainId,
      coordinator,
      skill,
      publicClient,
      walletClient,
      allowList,
      nonces: new NonceAllocator(),
      ledger,
      gate,
      strategyName,
      strategy,
      provider: model?.provider,
      modelVersion: model ? `${model.provider.provider}/${model.provider.model}` : `botcoin-miner/${strategyName}`,
      sandbox,
      confirmTimeoutMs: settings.confirmTimeoutMs ?? 120_000,
      notice,
      close: () => runCleanups(cleanups),
    };
  } catch (error) {
    await runCleanups(cleanups);
    throw error;
  }
}

async function runCleanups(cleanups: Array<() => Promise<void>>): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}

/** A viem chain for the RPC's chain id: the id is what signing needs; the name is only for messages. */
function chainFor(rpc: string, chainId: number): Chain {
  return defineChain({
    id: chainId,
    name: chainId === 8453 ? 'Base' : `chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpc] } },
  });
}

function required(value: string | undefined, key: string, hint: string): string {
  if (!value) throw new MinerError('CONFIG', `No ${key} URL is configured.`, { hint });
  return value;
}

export function parseLane(value: string | undefined): MinerLane {
  const lane = (value ?? 'rig').toLowerCase();
  if (lane !== 'wallet' && lane !== 'rig') {
    throw new MinerError('BAD_USAGE', `Unknown lane "${value}".`, { hint: 'Use --lane wallet or --lane rig.' });
  }
  return lane;
}

export function parseStrategy(value: string | undefined): StrategyName {
  const name = (value ?? 'hybrid').toLowerCase();
  const found = STRATEGIES.find((s) => s === name);
  if (!found) throw new MinerError('BAD_USAGE', `Unknown strategy "${value}".`, { hint: `Use one of: ${STRATEGIES.join(', ')}.` });
  return found;
}

function parseRigs(value: MinerSettings['rigs'], sandbox: SandboxSource | undefined): string[] {
  const list = value === undefined ? [] : typeof value === 'string' ? value.split(',') : [...value];
  const rigs = list.map((r) => r.trim()).filter((r) => r !== '');
  const chosen = rigs.length > 0 ? rigs : (sandbox?.description.accounts.operator.rigIds ?? []);
  for (const rig of chosen) {
    if (!/^\d{1,78}$/.test(rig)) throw new MinerError('BAD_USAGE', `"${rig}" is not a rig id.`, { hint: 'Rig ids are non-negative integers, e.g. --rigs 1,2,3.' });
  }
  return [...new Set(chosen.map((r) => BigInt(r).toString()))];
}

async function loadWallet(settings: MinerSettings, sandbox: SandboxSource | undefined, lane: MinerLane): Promise<PrivateKeyAccount> {
  const { loadAccount } = await import('../chain/wallet/store.js');
  if (sandbox) {
    // The sandbox's test wallets (local chain only): the staked miner, or the rigs' operator.
    const role = lane === 'wallet' ? sandbox.description.accounts.miner : sandbox.description.accounts.operator;
    return (await loadAccount({ env: { BOTCOIN_PRIVATE_KEY: role.privateKey } })).account;
  }
  const loaded = await loadAccount({
    env: settings.env ?? process.env,
    ...(settings.keystore ? { keystore: settings.keystore } : {}),
    ...(settings.dataDir ? { dataDir: settings.dataDir } : {}),
    ...(settings.interactive !== undefined ? { interactive: settings.interactive } : {}),
  });
  return loaded.account;
}

/**
 * The wallet's address without decrypting anything (the keystore's `address` field, or the key
 * in the environment), for commands that only read or write the ledger; undefined when no wallet
 * is configured.
 */
export async function walletAddressFor(settings: MinerSettings, sandbox: SandboxSource | undefined): Promise<Address | undefined> {
  if (sandbox) {
    const role = parseLane(settings.lane) === 'wallet' ? sandbox.description.accounts.miner : sandbox.description.accounts.operator;
    return getAddress(role.address);
  }
  const { walletAddress } = await import('../chain/wallet/store.js');
  return walletAddress({
    env: settings.env ?? process.env,
    ...(settings.keystore ? { keystore: settings.keystore } : {}),
    ...(settings.dataDir ? { dataDir: settings.dataDir } : {}),
  }).then(
    (info) => info.address,
    () => undefined,
  );
}
