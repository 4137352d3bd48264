import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseChallenge, DEFAULT_TRACE_SUBMISSION } from '../../src/challenge/parse.js';
import { MinerError } from '../../src/errors.js';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/payloads/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Runs `parseChallenge` expecting INVALID_PAYLOAD; returns the message. */
function rejection(payload: unknown): string {
  try {
    parseChallenge(payload);
  } catch (error) {
    expect(error).toBeInstanceOf(MinerError);
    expect((error as MinerError).code).toBe('INVALID_PAYLOAD');
    expect((error as MinerError).hint).toMatch(/challenge JSON/);
    return (error as MinerError).shortMessage;
  }
  throw new Error('expected parseChallenge to throw');
}

describe('parseChallenge: V1 payloads', () => {
  const challenge = parseChallenge(fixture('v1'));

  it('detects the V1 generation and takes the roster from companies', () => {
    expect(challenge.generation).toBe('v1');
    expect(challenge.entities).toEqual(['Northwind Analytics', 'Northwind Assurance', 'Helios Biotech', 'Kestrel Mobility']);
  });

  it('normalises a numeric epochId to a decimal string', () => {
    expect(challenge.epochId).toBe('42');
    expect(challenge.solveIndex).toBe('7');
  });

  it('keeps the receipt hashes and rulesVersion verbatim in extra', () => {
    expect(challenge.extra).toEqual({
      docHash: `0x${'a1'.repeat(32)}`,
      questionsHash: `0x${'b2'.repeat(32)}`,
      constraintsHash: `0x${'c3'.repeat(32)}`,
      commit: `0x${'d4'.repeat(32)}`,
      epochCommit: `0x${'e5'.repeat(32)}`,
      rulesVersion: 3,
    });
  });

  it('numbers plain-string questions q01…q10 by position', () => {
    expect(challenge.questions.map((q) => q.id)).toEqual(['q01', 'q02', 'q03', 'q04', 'q05', 'q06', 'q07', 'q08', 'q09', 'q10']);
    expect(challenge.questions[2]).toEqual({ id: 'q03', number: 3, text: 'Among insurers, which company was founded most recently?' });
  });

  it('fills traceSubmission with production defaults and disables multipass', () => {
    expect(challenge.traceSubmission).toEqual(DEFAULT_TRACE_SUBMISSION);
    expect(challenge.traceSubmission.citationTargetRate).toBe(0.8);
    expect(challenge.multipass).toEqual({ enabled: false });
    expect(challenge.challengeManifestHash).toBeUndefined();
    expect(challenge.rig).toBeUndefined();
  });
});

describe('parseChallenge: wallet-lane payloads', () => {
  const payload = fixture('wallet');
  const challenge = parseChallenge(payload);

  it('detects the wallet lane and maps its fields', () => {
    expect(challenge.generation).toBe('wallet');
    expect(challenge.challengeManifestHash).toBe(`0x${'4b'.repeat(32)}`);
    expect(challenge.domain).toBe('companies');
    expect(challenge.creditsPerSolve).toBe(205);
    expect(challenge.multipass).toEqual({ enabled: true });
    expect(challenge.solveInstructions).toMatch(/^Answer every question/);
  });

  it('keeps the payload traceSubmission values', () => {
    expect(challenge.traceSubmission.citationTargetRate).toBe(0.6);
    expect(challenge.traceSubmission.submitFields).toContain('modelVersion');
  });

  it('keeps proposal, traceReference and unknown fields in extra, and the payload in raw', () => {
    expect(Object.keys(challenge.extra).sort()).toEqual(['proposal', 'traceReference', 'worldHint']);
    expect(challenge.raw).toBe(payload);
  });

  it('gives string constraints their 0-based index and no id', () => {
    expect(challenge.constraints).toHaveLength(9);
    expect(challenge.constraints[8]).toEqual({ index: 8, text: 'Tip: avoid extra punctuation-only "words"; words are split on spaces.' });
  });
});

describe('parseChallenge: rig-lane payloads', () => {
  const challenge = parseChallenge(fixture('rig'));

  it('detects the rig lane and keeps rigId beyond 2^53 exact', () => {
    expect(challenge.generation).toBe('rig');
    expect(challenge.rig).toEqual({
      rigId: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
      operator: '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
      challengeExpiresAtMs: 1795310400000,
      challengeAuthorization: 'eyJhbGciOiJFUzI1NiJ9.eyJyaWdJZCI6IjEifQ.c2lnbmF0dXJl',
    });
  });

  it('uses sparse and descriptive question ids given as key', () => {
    expect(challenge.questions.map((q) => q.id)).toEqual(['q08', 'q13', 'q24', 'revenue_leader', 'q31', 'q33', 'q40', 'q41', 'q47', 'q52']);
    expect(challenge.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps constraint keys as ids beside the 0-based index', () => {
    expect(challenge.constraints[4]).toMatchObject({ index: 4, id: 'c4' });
    expect(challenge.constraints[4]?.text).toMatch(/^Must include a prime number/);
  });

  it('defaults the missing traceSubmission; an unknown lane field goes to extra', () => {
    expect(challenge.traceSubmission.minSteps).toBe(3);
    expect(challenge.traceSubmission.maxSteps).toBe(200);
    expect(challenge.extra).toEqual({ lane: 'rig-standard-v1' });
  });
});

describe('parseChallenge: normalisation details', () => {
  const base = fixture('wallet');

  it('numbers questions without ids by position, even among ones with ids', () => {
    const challenge = parseChallenge({ ...base, questions: [{ id: 'q07', text: 'A?' }, 'B?', { text: 'C?' }] });
    expect(challenge.questions.map((q) => q.id)).toEqual(['q07', 'q02', 'q03']);
  });

  it('prefers id over key when both are given, and accepts numeric ids as strings', () => {
    const challenge = parseChallenge({ ...base, questions: [{ id: 'q09', key: 'x', text: 'A?' }, { id: 4, text: 'B?' }] });
    expect(challenge.questions.map((q) => q.id)).toEqual(['q09', '4']);
  });

  it('fills only the missing traceSubmission fields and reads a percentage rate as a fraction', () => {
    const challenge = parseChallenge({ ...base, traceSubmission: { citationTargetRate: 75, maxSteps: 50 } });
    expect(challenge.traceSubmission).toMatchObject({ required: true, schemaVersion: 3, minSteps: 3, maxSteps: 50, citationTargetRate: 0.75 });
  });

  it('accepts a bare boolean multipass and safe numeric solveIndex', () => {
    const challenge = parseChallenge({ ...base, multipass: true, solveIndex: 12 });
    expect(challenge.multipass).toEqual({ enabled: true });
    expect(challenge.solveIndex).toBe('12');
  });

  it('accepts a rig expiry given as a digit string', () => {
    const challenge = parseChallenge({ ...fixture('rig'), challengeExpiresAtMs: '1795310400000' });
    expect(challenge.rig?.challengeExpiresAtMs).toBe(1795310400000);
  });
});

describe('parseChallenge: malformed payloads name the field', () => {
  const wallet = fixture('wallet');
  const rig = fixture('rig');

  it('names a question whose text is not a string', () => {
    const questions = [...(wallet.questions as unknown[])];
    questions[3] = { id: 'q04', text: 42 };
    expect(rejection({ ...wallet, questions })).toMatch(/questions\[3\]\.text: expected a string, got the number 42/);
  });

  it('names a question that is neither a string nor an object', () => {
    expect(rejection({ ...wallet, questions: ['A?', 7] })).toMatch(/questions\[1\]: expected a string, or an object with "text"/);
  });

  it('names a missing doc', () => {
    const { doc: _doc, ...rest } = wallet;
    expect(rejection(rest)).toMatch(/doc: is missing \(expected a string\)/);
  });

  it('names an empty constraints list', () => {
    expect(rejection({ ...wallet, constraints: [] })).toMatch(/constraints: expected at least 1 item/);
  });

  it('names a missing roster, mentioning the V1 name', () => {
    const { companies: _companies, ...rest } = fixture('v1');
    expect(rejection(rest)).toMatch(/entities: is missing .*"companies"/);
  });

  it('names a wallet-lane payload without its manifest hash', () => {
    const { challengeManifestHash: _hash, ...rest } = wallet;
    expect(rejection(rest)).toMatch(/wallet-lane payload\) at challengeManifestHash: is missing/);
  });

  it('rejects an epochId given as an unsafe float', () => {
    expect(rejection({ ...wallet, epochId: 2 ** 60 })).toMatch(/epochId: .*decimal string/);
  });

  it('rejects an epochId with non-digits', () => {
    expect(rejection({ ...wallet, epochId: '0x2a' })).toMatch(/epochId: expected a decimal string/);
  });

  it('names a rig-lane field that is missing or malformed', () => {
    const { challengeAuthorization: _auth, ...rest } = rig;
    expect(rejection(rest)).toMatch(/rig-lane payload\) at challengeAuthorization: is missing/);
    expect(rejection({ ...rig, operator: '0x1234' })).toMatch(/operator: expected a 0x-prefixed 20-byte hex address/);
  });

  it('rejects duplicate question ids', () => {
    expect(rejection({ ...wallet, questions: [{ key: 'q08', text: 'A?' }, { key: 'q08', text: 'B?' }] })).toMatch(
      /questions\[1\]: duplicate question id "q08"/,
    );
  });

  it('rejects minSteps above maxSteps', () => {
    expect(rejection({ ...wallet, traceSubmission: { minSteps: 10, maxSteps: 5 } })).toMatch(/traceSubmission\.minSteps/);
  });

  it('rejects a non-object payload', () => {
    expect(rejection([wallet])).toMatch(/\(root\): expected a JSON object/);
    expect(rejection(null)).toMatch(/\(root\)/);
  });

  it('lists every problem in details when there are several', () => {
    try {
      parseChallenge({ ...wallet, doc: 5, entities: 'Northwind' });
      throw new Error('expected a throw');
    } catch (error) {
      expect((error as MinerError).details).toMatch(/doc: .*; entities: expected an array/);
    }
  });
});
