/**
 * The strategies against the answer-key replay over real HTTP (the replay's usage is its
 * estimate: ~4 characters a token):
 * - tokens per attempt, hybrid vs llm (printed once, from 8 challenges across the domains);
 * - solver overhead excluding model time: wall time of a solve minus the latency of its model
 *   calls (prompt building, parsing, citation checks, trace, artifact, local check) — printed
 *   as a mean, and benched end to end.
 */
import { bench, describe } from 'vitest';
import { solveHybrid, solveLlm } from '../../src/solver/index.js';
import type { SolveOutcome, SolveRequest, SolveDeps } from '../../src/solver/index.js';
import { parseChallenge } from '../../src/challenge/parse.js';
import { DOMAINS, generated, startReplayRig, type Generated } from '../solver/replay-fixture.js';

const rig = await startReplayRig();
const cases: Generated[] = DOMAINS.flatMap((domain) => [0n, 1n].map((i) => generated(0xbe7cn + i, domain)));
for (const g of cases) rig.add(g);

type Solve = (request: SolveRequest, deps: SolveDeps) => Promise<SolveOutcome>;

/** Each strategy meets every challenge as a fresh object (cold per-challenge caches), after one warm-up solve. */
async function measure(name: string, solve: Solve): Promise<void> {
  let prompt = 0;
  let completion = 0;
  let overheadMs = 0;
  const warmUp = generated(0xbe7cn - 1n, 'companies');
  rig.add(warmUp);
  await solve({ challenge: warmUp.challenge, attempt: 1, history: [] }, rig.deps());
  for (const { challenge: original } of cases) {
    const g = { challenge: parseChallenge(original.raw) };
    const before = rig.calls.length;
    const started = performance.now();
    const out = await solve({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
    const wall = performance.now() - started;
    overheadMs += wall - rig.calls.slice(before).reduce((sum, c) => sum + c.latencyMs, 0);
    prompt += out.promptTokens;
    completion += out.completionTokens;
  }
  const n = cases.length;
  console.log(`${name}: ${Math.round(prompt / n)} prompt + ${Math.round(completion / n)} completion tokens per attempt; solver overhead excluding model time ${(overheadMs / n).toFixed(1)} ms per solve (mean of ${n})`);
}

await measure('hybrid', solveHybrid);
await measure('llm', solveLlm);

let next = 0;
const nextCase = (): Generated => cases[next++ % cases.length] as Generated;

describe('solve one attempt against the answer-key replay (HTTP on 127.0.0.1)', () => {
  bench('hybrid', async () => {
    await solveHybrid({ challenge: nextCase().challenge, attempt: 1, history: [] }, rig.deps());
  });
  bench('llm', async () => {
    await solveLlm({ challenge: nextCase().challenge, attempt: 1, history: [] }, rig.deps());
  });
});
