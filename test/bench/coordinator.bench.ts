// npx vitest bench --run test/bench/coordinator.bench.ts
// The reference coordinator's work per challenge (generate + bind + manifest, then verify a
// submission with the answer key), and a whole wallet-lane round trip on instant blocks:
// challenge → submit → broadcast submitReceipt → receipt confirmed.
import { bench, describe } from 'vitest';
import type { Address, Hex } from 'viem';
import { parseChallenge } from '../../src/challenge/parse.js';
import { buildChallenge } from '../../src/sandbox/coordinator/build-challenge.js';
import { judgeSubmission } from '../../src/sandbox/coordinator/judge.js';
import { solveWithAnswerKey } from '../../src/sandbox/generator/reference-solver.js';
import { startSandboxNetwork, type SandboxNetwork } from '../support/sandbox-network.js';
import { call, signIn } from '../sandbox/coordinator/http.js';

const ZERO32 = `0x${'0'.repeat(64)}` as Hex;
let counter = 0;

function issue(nonce: string) {
  return buildChallenge({
    lane: 'wallet',
    wallet: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' as Address,
    nonce,
    epochId: 7n,
    solveIndex: 3n,
    prevReceiptHash: ZERO32,
    commit: ZERO32,
    epochSecret: `0x${'ab'.repeat(32)}` as Hex,
    creditsPerSolve: 100,
  });
}

describe('coordinator CPU work per challenge', () => {
  bench('issue a challenge (seed → generate → payload + manifest hash → parse)', () => {
    issue(`gen-${counter++}`);
  }, { time: 3000, warmupIterations: 5 });

  // The checker caches per challenge, so each judged submission is for a challenge not yet checked.
  const pool = Array.from({ length: 65 }, (_, i) => {
    const issued = issue(`verify-${i}`);
    return { issued, body: solveWithAnswerKey(parseChallenge(issued.payload), issued.answerKey) as unknown as Record<string, unknown> };
  });
  let next = 0;
  bench('verify a submission against the answer key (first check of its challenge)', () => {
    const { issued, body } = pool[next++ % pool.length]!;
    judgeSubmission(issued, body);
  }, { iterations: 60, time: 0, warmupIterations: 5 });

  bench('issue + verify (one challenge served and judged)', () => {
    const fresh = issue(`both-${counter++}`);
    const answer = solveWithAnswerKey(fresh.challenge, fresh.answerKey);
    judgeSubmission(fresh, answer as unknown as Record<string, unknown>);
  }, { time: 3000, warmupIterations: 5 });
});

// Hooks do not run around benchmarks: the network starts lazily on the first (warm-up) call.
let network: Promise<{ net: SandboxNetwork; token: string }> | undefined;

async function startNetwork(): Promise<{ net: SandboxNetwork; token: string }> {
  const net = await startSandboxNetwork({ rigs: 0, coordinator: { answerKeyDir: undefined, rateLimit: { challenges: false, auth: false } } });
  const { token } = await signIn(net.coordinator.url, net.miner);
  return { net, token };
}

describe('wallet lane round trip on instant blocks', () => {
  bench('challenge → submit (pass) → broadcast → receipt confirmed', async () => {
    const { net, token } = await (network ??= startNetwork());
    const url = net.coordinator.url;
    const miner = net.miner.walletClient.account.address;
    const nonce = `rt-${counter++}`;
    const payload = (await call(`${url}/v1/challenge?miner=${miner}&nonce=${nonce}`, { token })).body;
    const issued = net.coordinator.state.challenges.get(String(payload.challengeId))!;
    const solution = solveWithAnswerKey(issued.challenge, issued.answerKey);
    const passed = await call<{ transaction: { to: Address; data: Hex } }>(`${url}/v1/submit`, {
      token,
      body: { miner, challengeId: payload.challengeId, nonce, challengeManifestHash: payload.challengeManifestHash, modelVersion: 'bench', ...solution },
    });
    const hash = await net.miner.walletClient.sendTransaction({ to: passed.body.transaction.to, data: passed.body.transaction.data });
    const receipt = await net.miner.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error('submitReceipt reverted');
  }, { iterations: 30, time: 0, warmupIterations: 2 });
});
