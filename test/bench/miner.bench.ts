// npx vitest bench --run test/bench/miner.bench.ts
// The miner engine's own cost, and whole cycles against the sandbox:
// 1. overhead per attempt, excluding model and chain time: everything the engine does locally
//    around one attempt — record the challenge (payload side file), record a model call, the
//    loop's local check of a challenge not checked before, the attempt record, the submission
//    body, the feedback record, and the events (target: under 20 ms);
// 2. full cycles per second against the sandbox with the instant answer-key replay and instant
//    blocks: fetch → solve (hybrid, replay) → check → submit → guard → sign → durable record →
//    broadcast → confirmed; the wallet lane (one serial slot) and the rig lane (three rigs in
//    parallel; each rig attempt is polled, at least 250 ms after the submit).
import { bench, describe } from 'vitest';
import { parseChallenge } from '../../src/challenge/parse.js';
import type { Challenge, Solution } from '../../src/challenge/types.js';
import { mine, Reporter, type MinerSession } from '../../src/miner/index.js';
import { recordChallenge, recordFeedback, recordModelCall } from '../../src/miner/records.js';
import { walletSubmission } from '../../src/protocol/index.js';
import { generateChallenge, listDomains } from '../../src/sandbox/generator/index.js';
import { solveWithAnswerKey } from '../../src/sandbox/generator/reference-solver.js';
import { checkSolution } from '../../src/verify/check.js';
import { startMinerWorld, type MinerWorld } from '../miner/support/network.js';

// Hooks do not run around benchmarks: the world starts lazily on the first (warm-up) call.
let world: Promise<{ world: MinerWorld; session: MinerSession; rigSession: MinerSession }> | undefined;
async function start(): Promise<{ world: MinerWorld; session: MinerSession; rigSession: MinerSession }> {
  const started = await startMinerWorld({ sandbox: { epochSeconds: 86_400, rigs: 3, coordinator: { rateLimit: { challenges: false, auth: false } } } });
  const [session, rigSession] = await Promise.all([started.open('wallet'), started.open('rig')]);
  return { world: started, session, rigSession };
}

// Distinct challenges, because the checker caches per challenge and a real attempt checks a new one.
const domains = listDomains().map((d) => d.name);
const pool: Array<{ challenge: Challenge; solution: Solution }> = Array.from({ length: 80 }, (_, i) => {
  const generated = generateChallenge({ seed: BigInt(9_000 + i), domain: domains[i % domains.length] as string });
  const challenge = parseChallenge(generated.payload);
  return { challenge, solution: solveWithAnswerKey(challenge, generated.answerKey) };
});
let next = 0;

describe('miner engine overhead per attempt (no model, no chain, no coordinator)', () => {
  bench('record challenge + model call + local check + attempt + submission body + feedback + events', async () => {
    const { session } = await (world ??= start());
    const { challenge, solution } = pool[next++ % pool.length]!;
    const events: unknown[] = [];
    const reporter = new Reporter({ lane: 'wallet' }, session.ledger, (e) => events.push(e));
    await recordChallenge(session, reporter, { challenge, nonce: `bench-${next}` });
    await recordModelCall(session.ledger, reporter, {
      provider: 'openai', model: 'bench', system: 'system prompt', messages: [{ role: 'user', content: challenge.doc }], response: JSON.stringify(solution),
      usage: { promptTokens: 1000, completionTokens: 300, totalTokens: 1300 }, costUsd: 0.001, latencyMs: 1, finishReason: 'stop',
    }, challenge.challengeId, 1);
    const check = checkSolution(challenge, solution);
    if (!check.pass) throw new Error('reference solution fails the local check');
    await session.ledger.append({
      kind: 'attempt', challengeId: challenge.challengeId, attempt: 1, artifact: solution.artifact, reasoningTrace: solution.reasoningTrace,
      submittedAnswers: solution.submittedAnswers, modelVersion: session.modelVersion, strategy: 'hybrid', localCheck: { pass: true, constraintsPassed: 8, constraintsTotal: 8, traceOk: true },
    });
    walletSubmission({ challenge, nonce: `bench-${next}`, solution, miner: session.address, modelVersion: session.modelVersion });
    await recordFeedback(session, reporter, challenge.challengeId, 1, { kind: 'fail', feedback: { retryAllowed: true, attemptsRemaining: 2, constraintsPassed: 7, constraintsTotal: 8 }, raw: {} });
  }, { iterations: 60, time: 0, warmupIterations: 3 });
});

describe('full cycles against the sandbox (instant replay, instant blocks)', () => {
  bench('mine 1 wallet-lane challenge: fetch → solve → check → submit → guard → sign → broadcast → confirmed', async () => {
    const { session } = await (world ??= start());
    const summary = await mine(session, { count: 1 });
    if (summary.confirmed + summary.abandoned !== 1) throw new Error(`unexpected outcome ${JSON.stringify(summary.results)}`);
  }, { iterations: 20, time: 0, warmupIterations: 2 });

  // Per iteration: 6 challenges over 3 rigs (2 each, serial within a rig). Cycles/s = 6 / mean s.
  bench('mine 6 rig-lane challenges over 3 rigs in parallel (6 cycles per iteration)', async () => {
    const { rigSession } = await (world ??= start());
    const summary = await mine(rigSession, { count: 6 });
    if (summary.challenges !== 6) throw new Error(`unexpected outcome ${JSON.stringify(summary.results)}`);
  }, { iterations: 8, time: 0, warmupIterations: 1 });
});
