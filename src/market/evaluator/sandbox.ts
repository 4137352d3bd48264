/**
 * Evaluators that start with the sandbox (`startSandbox({ evaluators: sandboxEvaluatorStarters() })`,
 * `sandbox up --evaluators`): one server per kind on 127.0.0.1, all settling through one
 * in-process facilitator on the sandbox chain. The critic runs only when a model is given.
 *
 * Wallets (anvil's default mnemonic, local chains only, like every sandbox wallet):
 * - each evaluator signs and is paid at its own address, m/44'/60'/0'/0/(10 + kind index), given
 *   ETH so it can move its earnings;
 * - the facilitator's gas payer is dev account #8 (as `evaluator serve` uses on a local chain);
 * - the payers: the miner pays evaluators from its own wallet, so the staked miner and the rig
 *   operator get test USDC here (the student wallet is funded by the chain setup already).
 */
import { createTestClient, http, parseEther, type Address } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { ANVIL_DEFAULT_MNEMONIC, localAccount } from '../../sandbox/chain/clients.js';
import { testUsdcAbi } from '../../sandbox/contracts/index.js';
import type { SandboxDescription } from '../../sandbox/network/description.js';
import type { SandboxEvaluatorStarter } from '../../sandbox/network/evaluators.js';
import { roleClients, sendAndConfirm } from '../../sandbox/network/setup.js';
import { devKey, SANDBOX_ACCOUNT } from '../../sandbox/network/accounts.js';
import type { ModelProvider } from '../../solver/providers/types.js';
import { CARD_PATH, evaluatorKinds, type EvaluatorKind } from '../protocol/card.js';
import { createInProcessFacilitator, type InProcessFacilitator } from '../facilitator/in-process.js';
import { caip2, usdcOf } from '../protocol/networks.js';
import { createEvaluatorApp } from './app.js';
import { serveEvaluator } from './serve.js';

/** First HD index of the evaluators' wallets (0–9 are the sandbox roles and the gas payer). */
const EVALUATOR_KEY_BASE_INDEX = 10;
/** Test USDC (6 decimals) given to each paying wallet. */
const PAYER_USDC = 1_000n * 10n ** 6n;

export interface SandboxEvaluatorsOptions {
  /** USD per evaluation (default 0.001). */
  price?: string;
  /** The critic's model; without one the critic is not started. */
  criticProvider?: ModelProvider;
  /** Kinds to start (default: every deterministic kind, plus the critic with a model). */
  kinds?: readonly EvaluatorKind[];
}

type Network = Omit<SandboxDescription, 'evaluators'>;

/** One starter per kind; the first one to run sets up the shared facilitator and funds the payers. */
export function sandboxEvaluatorStarters(options: SandboxEvaluatorsOptions = {}): SandboxEvaluatorStarter[] {
  const kinds = options.kinds ?? evaluatorKinds.filter((k) => k !== 'critic' || options.criticProvider !== undefined);
  let shared: Promise<InProcessFacilitator> | undefined;
  return kinds.map((kind) => async (network: Network) => {
    const facilitator = await (shared ??= prepare(network));
    const signer = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { addressIndex: EVALUATOR_KEY_BASE_INDEX + evaluatorKinds.indexOf(kind) });
    await createTestClient({ mode: 'anvil', transport: http(network.chain.rpcUrl, { retryCount: 0 }) }).setBalance({ address: signer.address, value: parseEther('10') });
    const app = createEvaluatorApp({
      kind,
      price: options.price ?? '0.001',
      network: caip2(network.chain.chainId),
      asset: usdcOf('sandbox', network.contracts.usdc),
      facilitator,
      signer,
      ...(kind === 'critic' && options.criticProvider ? { provider: options.criticProvider } : {}),
    });
    const served = await serveEvaluator(app);
    return {
      description: { name: `sandbox ${kind}`, kind, url: served.url, cardUrl: `${served.url}${CARD_PATH}`, address: signer.address },
      stop: () => served.close(),
    };
  });
}

async function prepare(network: Network): Promise<InProcessFacilitator> {
  const { rpcUrl, chainId } = network.chain;
  const owner = roleClients(rpcUrl, chainId, 'owner');
  const payers = [network.accounts.miner.address, network.accounts.operator.address] as Address[];
  await Promise.all(payers.map((payer) => sendAndConfirm(owner, network.contracts.usdc as Address, testUsdcAbi, 'mint', [payer, PAYER_USDC])));
  const gasPayer = localAccount(network.accounts.facilitator?.privateKey as `0x${string}` | undefined ?? devKey(SANDBOX_ACCOUNT.facilitator));
  return createInProcessFacilitator({ rpcUrl, chainId, gasPayer });
}
