// npx vitest bench --run test/bench/market.bench.ts
// The paid-feedback market on the sandbox chain: one paid evaluation end to end (402 → sign
// EIP-3009 → verify → audit → sign feedback → settle transferWithAuthorization → receipt) with
// instant blocks and with 2 s (Base-like) blocks; evaluations per second one evaluator sustains
// with ten students' requests in flight; the audit's own CPU cost; and the gas each settlement
// uses (printed once the benchmark ends).
import { bench, describe } from 'vitest';
import type { Hex } from 'viem';
import { evaluatorFor } from '../../src/market/evaluator/kinds.js';
import { requestEvaluation } from '../../src/market/student/request.js';
import { feedbackRequest, referenceAttempt, startMarket, type Market, type ServedTestEvaluator } from '../market/market-fixture.js';

const attempt = referenceAttempt(7n);
const LIMITS = { perEvaluation: '0.01', perChallenge: '1000', perDay: '1000' };

interface Bench {
  market: Market;
  evaluator: ServedTestEvaluator;
  settlements: Hex[];
  /** Wall time of each single paid evaluation, ms (vitest prints means; we report medians). */
  durations: number[];
}

// Hooks do not run around benchmarks: each market starts lazily on its first (warm-up) call.
const markets = new Map<number, Promise<Bench>>();
function marketWith(blockTime: number): Promise<Bench> {
  let started = markets.get(blockTime);
  if (!started) {
    started = (async () => {
      const market = await startMarket({ blockTime });
      return { market, evaluator: await market.evaluator('constraint-auditor'), settlements: [], durations: [] };
    })();
    markets.set(blockTime, started);
  }
  return started;
}

let attemptNumber = 0;
async function paidEvaluation(b: Bench): Promise<void> {
  const started = performance.now();
  const result = await requestEvaluation(b.evaluator.card, feedbackRequest(attempt, attempt.solution, ++attemptNumber), {
    account: b.market.student,
    budget: b.market.budget(LIMITS),
  });
  b.settlements.push(result.receipt.transaction);
  b.durations.push(performance.now() - started);
}

function median<T extends number | bigint>(values: readonly T[]): T | undefined {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor(sorted.length / 2)];
}

async function reportLatency(blockTime: number): Promise<void> {
  const b = await markets.get(blockTime);
  if (!b) return;
  console.log(`paid round trip with ${blockTime} s blocks: median ${median(b.durations)?.toFixed(1)} ms over ${b.durations.length} evaluations`);
}

async function reportGas(): Promise<void> {
  const b = await markets.get(0);
  if (!b) return;
  const receipts = await Promise.all(b.settlements.map((hash) => b.market.owner.publicClient.getTransactionReceipt({ hash })));
  const gas = receipts.map((r) => r.gasUsed);
  const price = median(receipts.map((r) => r.effectiveGasPrice));
  await reportLatency(0);
  console.log(`gas per settlement (transferWithAuthorization): median ${median(gas)} over ${gas.length} settlements; effective gas price on anvil ${price} wei`);
}

describe('paid evaluation round trip (HTTP + x402 + settlement receipt)', () => {
  bench('instant blocks', async () => paidEvaluation(await marketWith(0)), { iterations: 30, time: 0, warmupIterations: 2, teardown: reportGas });
  bench('2 s blocks (Base-like)', async () => paidEvaluation(await marketWith(2)), { iterations: 8, time: 0, warmupIterations: 1, teardown: () => reportLatency(2) });
});

describe('throughput of one evaluator (instant blocks)', () => {
  bench('10 paid evaluations in parallel (evaluations/s = 10 × hz)', async () => {
    const b = await marketWith(0);
    await Promise.all(Array.from({ length: 10 }, () => paidEvaluation(b)));
  }, { iterations: 10, time: 0, warmupIterations: 1 });

  const audit = evaluatorFor('constraint-auditor');
  const request = feedbackRequest(attempt);
  bench('constraint audit alone (CPU, no HTTP or payment)', async () => {
    await audit({ challenge: attempt.challenge, solution: attempt.solution, request });
  }, { time: 2000, warmupIterations: 5 });
});
