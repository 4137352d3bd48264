/**
 * Wiring for the rewards and doctor commands (status, epoch, credits, claim, stake, unstake,
 * withdraw, rig status). Sending commands use H16's `openMinerSession` (wallet, nonce
 * allocator, miner lock); the read-only ones and `--dry-run` use `openRewardsView` below, which
 * needs no key: the wallet is known by its address (MINER_ADDRESS, the keystore's address
 * field, or the sandbox's test account), unless `account: true` asks to sign in (the rig
 * lane's credits need the operator's coordinator token).
 * TODO(lead): merge with src/miner/session.ts once it offers a read-only mode.
 */
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { builtInAddressBook, type AddressBook } from '../chain/addresses/built-in.js';
import { MinerError } from '../errors.js';
import type { MinerSession, MinerSettings } from '../miner/session.js';
import { discoverSkill, rpcChainId } from '../miner/endpoint-checks.js';
import { ledgerHome } from '../miner/ledger-home.js';
import { sandboxAddressBook } from '../miner/sandbox-source.js';
import type { SandboxDescription } from '../sandbox/network/description.js';
import { createCoordinatorClient, type CoordinatorClient } from '../protocol/index.js';
import { allowListFor, type AllowList } from '../protocol/skill/allow-list.js';
import type { SkillInfo } from '../protocol/skill/types.js';
import { rewardsContracts, type RewardsContracts, type RewardsLane } from '../rewards/contracts.js';
import type { SendContext } from '../rewards/execute.js';
import type { CommandContext } from './context.js';
import { minerSettings } from './commands/miner-settings.js';

export interface RewardsView {
  lane: RewardsLane;
  rigIds: bigint[];
  /** The miner (wallet lane) or operator (rig lane). */
  address: Address;
  addressSource: string;
  chainId: number;
  publicClient: PublicClient;
  coordinator: CoordinatorClient;
  skill: SkillInfo;
  allowList: AllowList;
  contracts: RewardsContracts;
  dataDir: string | undefined;
  close(): Promise<void>;
}

export interface ViewOptions {
  /** Sign in with the wallet (decrypts the key). */
  account?: boolean;
  /** Force a lane (staking is wallet-lane only). */
  lane?: RewardsLane;
  /** `--rigs` of the command. */
  rigs?: string | undefined;
}

export async function openRewardsView(ctx: CommandContext, options: ViewOptions = {}): Promise<RewardsView> {
  const { parseLane } = await import('../miner/session.js');
  const settings = minerSettings(ctx, {}, { needsModel: false });
  const lane = options.lane ?? parseLane(settings.lane);
  const cleanups: Array<() => Promise<void>> = [];
  try {
    const sandbox = settings.sandbox ? await openSandbox(settings, ctx) : undefined;
    if (sandbox) cleanups.push(sandbox.stop);
    const rpc = sandbox?.rpcUrl ?? required(settings.rpc, 'rpc', 'Set BASE_RPC_URL or pass --rpc <url>.');
    const coordinatorUrl = sandbox?.coordinatorUrl ?? required(settings.coordinator, 'coordinator', 'Set COORDINATOR_URL or pass --coordinator <url>.');
    const { publicClient, chainId } = await connect(rpc);
    const skill = await discoverSkill(coordinatorUrl, chainId);
    const allowList = allowListFor(chainId, { builtIn: builtInAddressBook(chainId), skill, ...(sandbox ? { sandbox: sandbox.book } : {}) });
    const account = options.account ? await loadSigner(ctx, settings, sandbox, lane) : undefined;
    const who = account ? { address: account.address, source: 'wallet' } : await walletRef(ctx, settings, sandbox, lane);
    const coordinator = createCoordinatorClient({ baseUrl: coordinatorUrl, skill, chainId, ...(account ? { account } : {}) });
    cleanups.push(() => coordinator.close());
    return {
      lane,
      rigIds: lane === 'rig' ? parseRigIds(options.rigs ?? ctx.setting('rigs').value, sandbox?.rigIds) : [],
      address: who.address,
      addressSource: who.source,
      chainId,
      publicClient,
      coordinator,
      skill,
      allowList,
      contracts: rewardsContracts(allowList, lane),
      dataDir: ledgerHome(settings.dataDir, sandbox?.deployment),
      close: () => runCleanups(cleanups),
    };
  } catch (error) {
    await runCleanups(cleanups);
    throw error;
  }
}

/** Rig ids from `--rigs` / RIG_ID / the profile (comma-separated), else the sandbox operator's rigs. */
export function parseRigIds(value: string | undefined, fallback: readonly string[] = []): bigint[] {
  const list = (value ?? '').split(',').map((r) => r.trim()).filter((r) => r !== '');
  const chosen = list.length > 0 ? list : [...fallback];
  return [...new Set(chosen.map((rig) => {
    if (!/^\d{1,78}$/.test(rig)) throw new MinerError('BAD_USAGE', `"${rig}" is not a rig id.`, { hint: 'Rig ids are non-negative integers, e.g. --rigs 1,2,3.' });
    return BigInt(rig).toString();
  }))].map(BigInt);
}

export interface OpenSandbox {
  rpcUrl: string;
  coordinatorUrl: string;
  book: AddressBook;
  rigIds: string[];
  /** Which sandbox deployment this is: its ledger lives apart from other sandboxes' (ledger-home.ts). */
  deployment: Pick<SandboxDescription, 'chain' | 'epoch'>;
  accounts: { wallet: { address: Address; privateKey: `0x${string}` }; rig: { address: Address; privateKey: `0x${string}` } };
  stop: () => Promise<void>;
}

export async function openSandbox(settings: MinerSettings, ctx: CommandContext): Promise<OpenSandbox> {
  const { resolveSandbox } = await import('../miner/sandbox-source.js');
  const source = await resolveSandbox(settings.dataDir, (message) => ctx.out.info(message));
  return sandboxView(source.description, () => source.stop());
}

/** What the rewards commands use of a sandbox description. */
export function sandboxView(d: SandboxDescription, stop: () => Promise<void> = async () => {}): OpenSandbox {
  return {
    rpcUrl: d.chain.rpcUrl,
    coordinatorUrl: d.coordinator.url,
    book: sandboxAddressBook(d),
    rigIds: d.accounts.operator.rigIds,
    deployment: { chain: d.chain, epoch: d.epoch },
    accounts: {
      wallet: { address: d.accounts.miner.address as Address, privateKey: d.accounts.miner.privateKey as `0x${string}` },
      rig: { address: d.accounts.operator.address as Address, privateKey: d.accounts.operator.privateKey as `0x${string}` },
    },
    stop,
  };
}

async function connect(rpc: string): Promise<{ publicClient: PublicClient; chainId: number }> {
  const chainId = await rpcChainId(rpc);
  return { publicClient: createPublicClient({ transport: http(rpc, { retryCount: 2 }), pollingInterval: 1_000 }) as PublicClient, chainId };
}

/** The wallet's address without its key: MINER_ADDRESS / `miner`, else the keystore's address field (or BOTCOIN_PRIVATE_KEY). */
export async function walletRef(
  ctx: CommandContext,
  settings: MinerSettings,
  sandbox: OpenSandbox | undefined,
  lane: RewardsLane,
): Promise<{ address: Address; source: string }> {
  if (sandbox) return { address: sandbox.accounts[lane].address, source: `sandbox ${lane === 'rig' ? 'operator' : 'miner'} account` };
  const miner = ctx.setting('miner');
  if (miner.value) {
    const { getAddress, isAddress } = await import('viem');
    if (!isAddress(miner.value, { strict: false })) {
      throw new MinerError('CONFIG', `The miner address "${miner.value}" is not an address.`, { hint: 'Set MINER_ADDRESS (or `config set miner`) to a 0x-prefixed 40-hex-digit address.' });
    }
    return { address: getAddress(miner.value), source: miner.envVar ?? 'profile setting miner' };
  }
  const { walletAddress } = await import('../chain/wallet/store.js');
  const info = await walletAddress({ ...(settings.keystore ? { keystore: settings.keystore } : {}), ...(settings.dataDir ? { dataDir: settings.dataDir } : {}) });
  return { address: info.address, source: info.keystore ? `keystore ${info.keystore}` : 'BOTCOIN_PRIVATE_KEY' };
}

async function loadSigner(ctx: CommandContext, settings: MinerSettings, sandbox: OpenSandbox | undefined, lane: RewardsLane): Promise<PrivateKeyAccount> {
  const { loadAccount } = await import('../chain/wallet/store.js');
  if (sandbox) return (await loadAccount({ env: { BOTCOIN_PRIVATE_KEY: sandbox.accounts[lane].privateKey } })).account;
  const loaded = await loadAccount({
    ...(settings.keystore ? { keystore: settings.keystore } : {}),
    ...(settings.dataDir ? { dataDir: settings.dataDir } : {}),
    interactive: ctx.interactive,
  });
  return loaded.account;
}

function required(value: string | undefined, key: string, hint: string): string {
  if (!value) throw new MinerError('CONFIG', `No ${key} URL is configured.`, { hint });
  return value;
}

async function runCleanups(cleanups: Array<() => Promise<void>>): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}

/** The rewards view of a sending session (`openMinerSession`): same clients, plus the signer. */
export function viewOfSession(session: MinerSession, dataDir: string | undefined): RewardsView {
  return {
    lane: session.lane,
    rigIds: session.rigs.map(BigInt),
    address: session.address,
    addressSource: 'wallet',
    chainId: session.chainId,
    publicClient: session.publicClient,
    coordinator: session.coordinator,
    skill: session.skill,
    allowList: session.allowList,
    contracts: rewardsContracts(session.allowList, session.lane),
    dataDir,
    close: () => session.close(),
  };
}

export interface RewardsSession {
  view: RewardsView;
  /** Present when the session can send (not with --dry-run). */
  sender: SendContext | undefined;
}

/**
 * A session for a value-moving command: with `dryRun` the read-only view (the rig lane still
 * signs in: its credits need the operator's token), else `openMinerSession` (key, nonce
 * allocator and the wallet's miner lock, so a claim never races a running miner's nonces).
 */
export async function openRewardsSession(ctx: CommandContext, options: { dryRun: boolean; lane?: RewardsLane; rigs?: string | undefined }): Promise<RewardsSession> {
  const { openMinerSession, parseLane } = await import('../miner/session.js');
  const lane = options.lane ?? parseLane(ctx.setting('lane').value);
  if (options.dryRun) {
    return { view: await openRewardsView(ctx, { account: lane === 'rig', lane, rigs: options.rigs }), sender: undefined };
  }
  const settings = minerSettings(ctx, { lane, ...(options.rigs !== undefined ? { rigs: options.rigs } : {}) }, { needsModel: false });
  const session = await openMinerSession(settings);
  return {
    view: viewOfSession(session, settings.dataDir),
    sender: { publicClient: session.publicClient, walletClient: session.walletClient, nonces: session.nonces, timeoutMs: session.confirmTimeoutMs },
  };
}
