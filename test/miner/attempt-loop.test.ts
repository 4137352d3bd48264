// The attempt loop's rules, each on the real sandbox with the answer-key replay as the model:
// retries carry the coordinator's counts, a solution failing the local check is never submitted,
// voided rig work and expiring challenges are routine, and every step is in the ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { attemptChallenge, fetchChallenge, Reporter, runChallenge, type MinerSession } from '../../src/miner/index.js';
import { createStrategy } from '../../src/solver/index.js';
import { eventLog, startMinerWorld, type MinerWorld } from './support/network.js';

let world: MinerWorld;

beforeAll(async () => {
  world = await startMinerWorld({
    sandbox: { epochSeconds: 3600 },
    // Only challenges of attempt 1 in the "trap" test get a wrong trap answer; see each test.
    replayFaults: { rules: [{ fault: 'wrong_trap_answer', when: { attempt: 1 } }, { fault: 'miscounted_artifact', schemas: ['botcoin.llm.v1', 'botcoin.llm.repair.v1'] }] },
  });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

async function withSession<T>(lane: 'wallet' | 'rig', run: (session: MinerSession) => Promise<T>, extra = {}): Promise<T> {
  const session = await world.open(lane, extra);
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

describe('the attempt loop', () => {
  it('retries a rejected attempt with the coordinator\'s counts, and records challenge, calls, attempts and feedback', async () => {
    // The replay answers the trap wrong on every first attempt; that loses the attempt whenever
    // the trap decides an answer the constraints use. Mine until such a challenge came up.
    const runs: Array<{ log: ReturnType<typeof eventLog>; outcome: Awaited<ReturnType<typeof runChallenge>> }> = [];
    await withSession('wallet', async (session) => {
      for (let i = 0; i < 8 && !runs.some((r) => r.log.of('verdict')[0]?.pass === false); i++) {
        const log = eventLog();
        runs.push({ log, outcome: await runChallenge(session, new Reporter({ lane: 'wallet' }, session.ledger, log.sink), { strategy: createStrategy('hybrid') }) });
      }
    });
    const retried = runs.find((r) => r.log.of('verdict')[0]?.pass === false);
    expect(retried).toBeDefined();
    const { log, outcome } = retried as (typeof runs)[number];
    const verdicts = log.of('verdict');
    expect(verdicts[0]).toMatchObject({ attempt: 1, pass: false, retryAllowed: true, attemptsRemaining: 2 });
    expect(verdicts.at(-1)).toMatchObject({ pass: true });
    expect(outcome).toMatchObject({ kind: 'settled', attempts: verdicts.length });
    const ledger = openLedger({ wallet: world.minerAddress, dir: world.dataDir });
    const records = await ledger.read({ challengeId: outcome.challengeId });
    expect(records.map((r) => r.kind).filter((k) => k !== 'model_call')).toEqual(['challenge', ...verdicts.flatMap(() => ['attempt', 'feedback']), 'receipt']);
    expect(records.some((r) => r.kind === 'model_call' && r.attempt === 2)).toBe(true);
    // Attempt 2 was solved knowing attempt 1's counts: its trace explains the revision with them.
    const first = verdicts[0];
    const second = records.find((r) => r.kind === 'attempt' && r.attempt === 2);
    expect(JSON.stringify(second)).toContain(`${first?.questionAnswersCorrect}/${first?.questionAnswersTotal}`);
  }, 90_000);

  it('abandons a challenge whose solution still fails the local check, without spending an attempt', async () => {
    const log = eventLog();
    const outcome = await withSession(
      'wallet',
      (session) => runChallenge(session, new Reporter({ lane: 'wallet' }, session.ledger, log.sink), { strategy: createStrategy('llm') }),
      { strategy: 'llm' },
    );
    expect(outcome.kind).toBe('abandoned');
    expect(log.of('attempt')).toEqual([]);
    expect(log.of('check').every((c) => !c.pass)).toBe(true);
    const ledger = openLedger({ wallet: world.minerAddress, dir: world.dataDir });
    expect(await ledger.read({ kind: ['attempt', 'feedback'], challengeId: outcome.challengeId })).toEqual([]);
    const errors = await ledger.read({ kind: 'error', challengeId: outcome.challengeId });
    expect(errors).toMatchObject([{ code: 'ABANDONED' }]);
    expect((errors[0] as { message: string }).message).toMatch(/without spending attempt 1/);
  }, 60_000);
});

describe('the attempt loop on rig work that another receipt made stale', () => {
  // A world of its own, without the replay's wrong first answers: the outcome under test is the
  // coordinator's verdict on a spent cursor, which a wrong answer would pre-empt.
  it('treats rig work voided by a moved cursor (RIG_CHAIN_POSITION_CHANGED) as routine', async () => {
    const clean = await startMinerWorld({ sandbox: { epochSeconds: 3600, rigs: 1 } });
    try {
      const rigId = clean.rigIds[0] as string;
      const log = eventLog();
      const session = await clean.open('rig');
      let first, second;
      try {
        const reporter = new Reporter({ lane: 'rig', rigId }, session.ledger, log.sink);
        // Two challenges for the same cursor; once the first lands, the second is for a spent position.
        const a = await fetchChallenge(session, reporter);
        const b = await fetchChallenge(session, reporter);
        const strategy = createStrategy('hybrid');
        first = await attemptChallenge(session, reporter, a, { strategy });
        second = await attemptChallenge(session, reporter, b, { strategy });
      } finally {
        await session.close();
      }
      expect(first?.kind).toBe('settled');
      expect(second).toMatchObject({ kind: 'voided', reason: 'RIG_CHAIN_POSITION_CHANGED' });
      expect(log.of('error').filter((e) => e.code === 'VOIDED')).toHaveLength(1);
      expect(log.of('error').every((e) => !e.fatal)).toBe(true);
    } finally {
      await clean.stop();
    }
  }, 60_000);
});

describe('the attempt loop with short-lived rig challenges', () => {
  it('does not start an attempt on a rig challenge about to expire', async () => {
    const short = await startMinerWorld({ sandbox: { epochSeconds: 3600, rigs: 1, coordinator: { rigChallengeTtlSeconds: 10 } } });
    try {
      const session = await short.open('rig');
      try {
        const log = eventLog();
        const outcome = await runChallenge(session, new Reporter({ lane: 'rig', rigId: short.rigIds[0] as string }, session.ledger, log.sink), { strategy: createStrategy('hybrid') });
        expect(outcome).toMatchObject({ kind: 'voided', attempts: 0 });
        expect((outcome as { reason: string }).reason).toContain('challengeExpiresAtMs');
        expect(log.of('model_call')).toEqual([]);
      } finally {
        await session.close();
      }
    } finally {
      await short.stop();
    }
  }, 60_000);
});
