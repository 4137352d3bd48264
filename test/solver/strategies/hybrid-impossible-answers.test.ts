/**
 * The constraints as evidence: when the model falls for a trap and its answer makes a required
 * value or an acrostic letter hold the forbidden letter, the hybrid strategy re-asks exactly
 * that question before any attempt is spent, and recovers a solution the coordinator accepts.
 */
import { describe, expect, it } from 'vitest';
import { isMinerError } from '../../../src/errors.js';
import { trapWorld } from '../../../src/sandbox/answer-key-model/trap-world.js';
import { solveHybrid } from '../../../src/solver/index.js';
import { initials } from '../../../src/verify/constraints/artifact.js';
import { coordinatorCheck, DOMAINS, failures, generated, startReplayRig, type Generated } from '../replay-fixture.js';

type Collision = 'required_token' | 'acrostic';

interface Found {
  g: Generated;
  /** The question whose fooled answer collides with the forbidden letter. */
  question: string;
  fooled: string;
  right: string;
}

const FIRST_HYBRID_CALL_FOOLED = { rules: [{ fault: 'wrong_trap_answer' as const, when: { firstCalls: 1 }, schemas: ['botcoin.hybrid.v1'] }] };

const questionOf = (g: Generated, n: number): string => g.answerKey.answers.find((a) => a.number === n)!.questionId;

/** The question (if any) whose trap-fooled answer puts the forbidden letter into a `kind` constraint. */
function collision(g: Generated, kind: Collision): Omit<Found, 'g'> | undefined {
  const key = g.answerKey;
  const fooled = trapWorld(key).answers;
  const letter = String(key.constraints.find((c) => c.kind === 'forbidden_letter')!.expected).toLowerCase();
  const right = (q: string): string => key.answers.find((a) => a.questionId === q)!.answer;
  if (kind === 'required_token') {
    for (const c of key.constraints.filter((x) => x.kind === 'required_token')) {
      const input = c.inputs![0]!;
      const q = questionOf(g, input.question);
      const value = key.facts.find((f) => f.entity === fooled[q] && f.attribute === input.attribute)?.value;
      if (fooled[q] !== right(q) && String(value).toLowerCase().includes(letter)) return { question: q, fooled: fooled[q]!, right: right(q) };
    }
    return undefined;
  }
  const acrostic = key.constraints.find((x) => x.kind === 'acrostic')!;
  const count = String(acrostic.expected).length;
  let used = 0;
  for (const input of acrostic.inputs!) {
    const q = questionOf(g, input.question);
    const letters = initials(fooled[q]!).slice(0, Math.max(0, count - used));
    used += initials(fooled[q]!).length;
    if (fooled[q] !== right(q) && letters.toLowerCase().includes(letter)) return { question: q, fooled: fooled[q]!, right: right(q) };
  }
  return undefined;
}

/** The first generated challenge (bounded, deterministic scan over all domains) with that collision. */
function findCollision(kind: Collision): Found {
  for (let seed = 0n; seed < 400n; seed += 1n) {
    const g = generated(seed, DOMAINS[Number(seed % BigInt(DOMAINS.length))]!);
    const hit = collision(g, kind);
    if (hit) return { g, ...hit };
  }
  throw new Error(`no ${kind} collision with the forbidden letter in 400 seeds`);
}

describe('hybrid strategy: an impossible constraint proves an answer wrong before any attempt is spent', () => {
  it.each(['required_token', 'acrostic'] as const)('%s holding the forbidden letter: re-asks exactly that question, then passes the coordinator check', async (kind) => {
    const found = findCollision(kind);
    const { g, question } = found;
    const rig = await startReplayRig(FIRST_HYBRID_CALL_FOOLED);
    try {
      rig.add(g);
      const out = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps());
      expect(rig.replay.calls.map((c) => [c.schema, c.faults])).toEqual([
        ['botcoin.hybrid.v1', ['wrong_trap_answer']],
        ['botcoin.hybrid.v1', []],
      ]);
      expect(out.repairs).toBe(1);

      // The re-ask names the previous answer and why it cannot be right, and asks only that question.
      const prompt = rig.calls[1]!.messages.at(-1)!.content;
      expect(prompt).toMatch(/^Attempt: 1$/m);
      const problems = /<<<BEGIN DATA answer-problems \w+>>>\n([\s\S]*?)\n<<<END DATA answer-problems/.exec(prompt)![1]!;
      expect(problems).toContain(found.fooled);
      expect(problems).toContain(question);
      expect(problems).toMatch(/letter "[a-z]" that the artifact must not contain/);
      expect(prompt).toMatch(/preliminary/);
      const asked = /<<<BEGIN DATA questions \w+>>>\n([\s\S]*?)\n<<<END DATA questions/.exec(prompt)![1]!.split('\n').map((l) => l.split(':')[0]);
      expect(asked).toEqual([question]);
      const requests = JSON.parse(/^Fact-Requests: (.*)$/m.exec(prompt)![1]!) as Array<{ question: string }>;
      expect(requests.every((r) => r.question === question)).toBe(true);

      // The recovered solution: right answer, passing local and coordinator checks, the change recorded.
      expect(out.solution.submittedAnswers[question]).toBe(found.right);
      expect(failures(out.check)).toEqual([]);
      expect(failures(coordinatorCheck(g, out.solution))).toEqual([]);
      const revision = out.solution.reasoningTrace[0]!;
      expect(revision.action).toBe('revision');
      expect(JSON.stringify(revision)).toContain(`${question}: ${found.fooled} -> ${found.right}`);
    } finally {
      await rig.close();
    }
  });

  it('a model that keeps the impossible answer: a clear UNSOLVED error once the repair budget is spent, no solution returned', async () => {
    const { g, question } = findCollision('required_token');
    const rig = await startReplayRig({ rules: [{ fault: 'wrong_trap_answer', schemas: ['botcoin.hybrid.v1'] }] });
    try {
      rig.add(g);
      const error = await solveHybrid({ challenge: g.challenge, attempt: 1, history: [] }, rig.deps({ maxRepairs: 2 })).catch((e: unknown) => e);
      expect(isMinerError(error) && error.code).toBe('UNSOLVED');
      expect(String((error as Error).message)).toMatch(new RegExp(`impossible.*${question}`));
      expect(rig.replay.calls.map((c) => c.schema)).toEqual(['botcoin.hybrid.v1', 'botcoin.hybrid.v1', 'botcoin.hybrid.v1']);
    } finally {
      await rig.close();
    }
  });
});
