// A real market for tests: anvil, the sandbox test USDC, an in-process facilitator paying gas
// from its own dev account, evaluators served on 127.0.0.1, and a funded student.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Address, LocalAccount } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { parseChallenge } from '../../src/challenge/parse.js';
import type { Challenge, Solution } from '../../src/challenge/types.js';
import { createEvaluatorApp, type EvaluatorAppOptions, type EvaluatorEvent } from '../../src/market/evaluator/app.js';
import { serveEvaluator } from '../../src/market/evaluator/serve.js';
import { createInProcessFacilitator, type InProcessFacilitator } from '../../src/market/facilitator/in-process.js';
import type { EvaluatorCard, EvaluatorKind } from '../../src/market/protocol/card.js';
import { buildFeedbackRequest, type FeedbackRequest } from '../../src/market/protocol/feedback.js';
import { caip2, usdcOf, type AssetTerms } from '../../src/market/protocol/networks.js';
import { openBudget, type Budget, type BudgetLimits } from '../../src/market/student/budget.js';
import { discoverEvaluators } from '../../src/market/student/discover.js';
import { startAnvil, type AnvilHandle } from '../../src/sandbox/chain/anvil.js';
import { ANVIL_DEFAULT_MNEMONIC, createLocalClients, localAccount, type LocalClients } from '../../src/sandbox/chain/clients.js';
import { deployTestUsdc, testUsdcAbi } from '../../src/sandbox/contracts/index.js';
import { generateChallenge } from '../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../src/sandbox/generator/reference-solver.js';

/** Dev account indexes (anvil's default mnemonic): distinct roles, so balances tell who paid. */
export const ROLE = { owner: 0, student: 6, evaluator: 7, gasPayer: 8, payee: 9 } as const;

export const devAccount = (index: number): LocalAccount => mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { addressIndex: index });

export interface ServedTestEvaluator {
  url: string;
  card: EvaluatorCard;
  events: EvaluatorEvent[];
  close(): Promise<void>;
}

export interface Market {
  anvil: AnvilHandle;
  owner: LocalClients;
  usdc: AssetTerms;
  network: `eip155:${number}`;
  facilitator: InProcessFacilitator;
  student: LocalAccount;
  payee: Address;
  dataDir: string;
  balanceOf(address: Address): Promise<bigint>;
  /** The facilitator gas payer's transaction count (= settlement transactions sent). */
  settlementTxCount(): Promise<number>;
  evaluator(kind: EvaluatorKind, options?: Partial<EvaluatorAppOptions>): Promise<ServedTestEvaluator>;
  budget(limits?: Partial<BudgetLimits>): Budget;
  stop(): Promise<void>;
}

export const STUDENT_FUNDS = 10_000_000n; // 10 USDC

export async function startMarket(options: { blockTime?: number } = {}): Promise<Market> {
  const anvil = await startAnvil(options.blockTime === undefined ? {} : { blockTime: options.blockTime });
  const served: ServedTestEvaluator[] = [];
  try {
    const owner = createLocalClients(anvil.rpcUrl, anvil.chainId, localAccount({ mnemonic: ANVIL_DEFAULT_MNEMONIC, index: ROLE.owner }));
    const usdcAddress = await deployTestUsdc(owner);
    const student = devAccount(ROLE.student);
    const mint = await owner.walletClient.writeContract({ address: usdcAddress, abi: testUsdcAbi, functionName: 'mint', args: [student.address, STUDENT_FUNDS] });
    await owner.publicClient.waitForTransactionReceipt({ hash: mint });
    const gasPayer = localAccount({ mnemonic: ANVIL_DEFAULT_MNEMONIC, index: ROLE.gasPayer });
    const facilitator = createInProcessFacilitator({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId, gasPayer });
    const network = caip2(anvil.chainId);
    const usdc = usdcOf('sandbox', usdcAddress);
    const dataDir = mkdtempSync(join(tmpdir(), 'botcoin-market-'));
    const payee = devAccount(ROLE.payee).address;
    const market: Market = {
      anvil,
      owner,
      usdc,
      network,
      facilitator,
      student,
      payee,
      dataDir,
      balanceOf: async (address) =>
        (await owner.publicClient.readContract({ address: usdcAddress, abi: testUsdcAbi, functionName: 'balanceOf', args: [address] })) as bigint,
      settlementTxCount: () => owner.publicClient.getTransactionCount({ address: gasPayer.address }),
      evaluator: async (kind, overrides = {}) => {
        const events: EvaluatorEvent[] = [];
        const app = createEvaluatorApp({
          kind,
          price: '0.001',
          network,
          payTo: payee,
          asset: usdc,
          facilitator,
          signer: devAccount(ROLE.evaluator),
          onEvent: (event) => events.push(event),
          ...overrides,
        });
        const server = await serveEvaluator(app);
        const { cards, problems } = await discoverEvaluators([server.url]);
        if (!cards[0]) throw new Error(`evaluator card did not validate: ${JSON.stringify(problems)}`);
        const handle = { url: server.url, card: cards[0], events, close: server.close };
        served.push(handle);
        return handle;
      },
      budget: (limits = {}) =>
        openBudget({ wallet: student.address, dir: dataDir, limits: { perEvaluation: '0.01', perChallenge: '1', perDay: '5', ...limits } }),
      stop: async () => {
        await Promise.all(served.map((s) => s.close()));
        await anvil.stop();
      },
    };
    return market;
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}

export interface Attempt {
  payload: Record<string, unknown>;
  challenge: Challenge;
  solution: Solution;
}

/** A generated challenge and its reference (correct) solution. */
export function referenceAttempt(seed = 7n, domain = 'companies'): Attempt {
  const generated = generateChallenge({ seed, domain });
  const challenge = parseChallenge(generated.payload);
  return { payload: generated.payload, challenge, solution: solveWithAnswerKey(challenge, generated.answerKey) };
}

export function feedbackRequest(attempt: Attempt, solution: Solution = attempt.solution, number = 1): FeedbackRequest {
  return buildFeedbackRequest({
    challengeId: attempt.challenge.challengeId,
    attempt: number,
    domain: attempt.challenge.domain ?? 'companies',
    task: { prompt: 'The coordinator rejected this attempt. What is wrong?', context: attempt.payload },
    output: solution as unknown as Record<string, unknown>,
  });
}
