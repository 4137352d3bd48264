/**
 * One challenge from (seed, domain): world → questions → constraints → trap → relations →
 * aliases → document, then the served payload (no answers) and the coordinator's answer key.
 */
import { keccak256, stringToBytes } from 'viem';
import { DEFAULT_TRACE_SUBMISSION } from '../../challenge/parse.js';
import type { TraceSubmission } from '../../challenge/types.js';
import { MinerError } from '../../errors.js';
import { Prng } from '../../util/prng.js';
import type { AnswerKey, KeyAnswerHop, KeyConstraint, KeyFact } from './answer-key.js';
import { planAliases } from './aliases.js';
import { constraintTexts, constraintValues, planConstraints, type ConstraintPlan, type Term } from './constraints.js';
import { writeDocument, type DocumentResult } from './document.js';
import { scoreFacts, type HopResult } from './evaluate.js';
import { keyNumber } from './format.js';
import { solveInstructions } from './instructions.js';
import { attributeOfFact, factKeys, factPhrase, loadDomain, type DomainLibrary } from './library.js';
import { manifestHash } from './manifest.js';
import { selectQuestions, type SelectedQuestion } from './questions.js';
import { chooseRelations, chooseTrap, questionId, type Relation, type TrapPlan } from './trap.js';
import { createWorld, worldReader, type World } from './world.js';

/** Bumped whenever the same seed would produce different output; part of the challenge id. */
export const GENERATOR_VERSION = '1.0.0';

/** The trace rules the sandbox announces: the miner's production defaults, with every field a submission carries. */
export const TRACE_SUBMISSION: Readonly<TraceSubmission> = Object.freeze({
  ...DEFAULT_TRACE_SUBMISSION,
  submitFields: ['challengeId', 'artifact', 'nonce', 'challengeManifestHash', 'modelVersion', 'reasoningTrace', 'submittedAnswers'],
});

const CREDITS_PER_SOLVE = 100;
const MAX_SEED = (1n << 128n) - 1n;
const MAX_ATTEMPTS = 25;
const RELATIONS = 2;

export interface GeneratedChallenge {
  payload: Record<string, unknown>;
  answerKey: AnswerKey;
}

export function challengeIdFor(seed: bigint, domain: string): `0x${string}` {
  return keccak256(stringToBytes(`botcoin-sandbox-challenge|${GENERATOR_VERSION}|${domain}|${seed.toString()}`));
}

interface Draft {
  world: World;
  questions: SelectedQuestion[];
  plan: ConstraintPlan;
  trap: TrapPlan;
  relations: Relation[];
  document: DocumentResult;
}

const factId = (entity: string, fact: string): string => `${entity}\u0000${fact}`;

function draft(lib: DomainLibrary, rng: Prng): Draft | undefined {
  const world = createWorld(lib, rng);
  const questions = selectQuestions(world, rng);
  if (!questions) return undefined;
  const answers = questions.map((q) => q.result.winner);
  const reader = worldReader(world);
  const plan = planConstraints(lib, answers, reader, rng);
  if (!plan) return undefined;
  const terms: Term[] = [plan.prime, ...plan.equation];
  const termFacts = terms.map((t) => ({ entity: answers[t.question - 1] as string, fact: t.fact }));
  const reads = questions.flatMap((q) => q.result.reads);
  const trap = chooseTrap(world, questions.map((q) => q.spec), answers, plan, [...termFacts, ...reads], rng);
  if (!trap) return undefined;
  const reserved = new Set([...termFacts.map((f) => factId(f.entity, f.fact)), factId(trap.entity, trap.fact)]);
  const relations = chooseRelations(world, reads, reserved, RELATIONS, rng);
  const document = writeDocument(world, planAliases(world, rng), trap, relations, rng);
  return { world, questions, plan, trap, relations, document };
}

function keyHop(hop: HopResult): KeyAnswerHop {
  return {
    pick: hop.pick,
    score: hop.score.kind,
    attributes: scoreFacts(hop.score),
    ...(hop.filter ? { filter: hop.filter } : {}),
    ranking: hop.ranking.map((r) => r.entity),
    winner: hop.winner,
  };
}

function keyFacts(d: Draft): KeyFact[] {
  const { world, document, relations } = d;
  return world.entities.flatMap((entity) =>
    factKeys(world.lib).map((fact): KeyFact => {
      const attr = attributeOfFact(world.lib, fact);
      const raw = world.values.get(entity.name)?.get(fact) as number | string;
      const value = typeof raw === 'number' ? keyNumber(raw, attr.decimals ?? 0) : raw;
      const paragraphs = (document.factParagraphs.get(factId(entity.name, fact)) ?? []).slice().sort((a, b) => a - b);
      const r = relations.findIndex((x) => x.entity === entity.name && x.fact === fact);
      const relation = relations[r];
      if (relation) {
        return { entity: entity.name, attribute: fact, value, paragraphs, relative: { entity: relation.base, attribute: fact, delta: relation.delta, paragraph: document.relationParagraphs[r] as number } };
      }
      if (paragraphs.length === 0) throw new Error(`generator bug: ${entity.name} / ${fact} is stated nowhere`);
      return { entity: entity.name, attribute: fact, value, paragraphs };
    }),
  );
}

function keyConstraints(d: Draft): KeyConstraint[] {
  const answers = d.questions.map((q) => q.result.winner);
  const reader = worldReader(d.world);
  const v = constraintValues(d.plan, answers, reader);
  const lib = d.world.lib;
  const input = (question: number, fact: string, extra: { modulus?: number; offset?: number } = {}) => {
    const entity = answers[question - 1] as string;
    const raw = d.world.values.get(entity)?.get(fact) as number | string;
    const value = typeof raw === 'number' ? keyNumber(raw, attributeOfFact(lib, fact).decimals ?? 0) : raw;
    return { question, entity, attribute: fact, value, ...extra };
  };
  const term = (t: Term) => input(t.question, t.fact, { modulus: t.modulus, offset: t.offset });
  return [
    { index: 0, kind: 'word_count', expected: v.wordCount },
    ...d.plan.tokens.map((t, i) => ({ index: i + 1, kind: 'required_token', expected: v.tokens[i] as string, inputs: [input(t.question, t.fact)] })),
    { index: 4, kind: 'prime', expected: v.prime, inputs: [term(d.plan.prime)] },
    { index: 5, kind: 'equation', expected: v.equation, inputs: d.plan.equation.map(term) },
    {
      index: 6,
      kind: 'acrostic',
      expected: v.acrostic,
      inputs: d.plan.acrostic.questions.map((q) => ({ question: q, entity: answers[q - 1] as string, attribute: 'name', value: answers[q - 1] as string })),
    },
    { index: 7, kind: 'forbidden_letter', expected: v.forbidden },
    { index: 8, kind: 'tip', expected: '' },
  ];
}

function answerKey(d: Draft, seed: bigint, domain: string, challengeId: string): AnswerKey {
  const { world, document, trap } = d;
  const lib = world.lib;
  const decimals = attributeOfFact(lib, trap.fact).decimals ?? 0;
  return {
    version: 1,
    seed: seed.toString(),
    domain,
    challengeId,
    entities: world.entities.map((e) => {
      const used = document.usedAliases.get(e.name) ?? [];
      return { name: e.name, aliases: used };
    }),
    attributes: factKeys(lib).map((k) => ({ key: k, phrase: factPhrase(lib, k), kind: attributeOfFact(lib, k).kind })),
    facts: keyFacts(d),
    answers: d.questions.map((q, i) => ({
      questionId: questionId(i),
      number: i + 1,
      answer: q.result.winner,
      shape: q.spec.shape,
      uses: q.result.reads.map((r) => ({ entity: r.entity, attribute: r.fact })),
      hops: q.result.hops.map(keyHop),
    })),
    trap: {
      entity: trap.entity,
      attribute: trap.fact,
      wrongValue: keyNumber(trap.wrong, decimals),
      correctValue: keyNumber(trap.correct, decimals),
      wrongParagraphs: document.trapWrongParagraphs,
      correctParagraphs: document.trapCorrectParagraphs,
      variant: trap.variant,
      affects: trap.affects,
    },
    constraints: keyConstraints(d),
  };
}

export function generateChallenge(input: { seed: bigint; domain: string }): GeneratedChallenge {
  const { seed, domain } = input;
  if (typeof seed !== 'bigint' || seed < 0n || seed > MAX_SEED) {
    throw new MinerError('INVALID_INPUT', 'The generator seed must be an integer in [0, 2^128).', { hint: 'Pass a bigint seed such as 42n.' });
  }
  const lib = loadDomain(domain);
  const challengeId = challengeIdFor(seed, domain);
  const rng = Prng.fromBigInt(BigInt(challengeId) & MAX_SEED);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const d = draft(lib, rng);
    if (!d) continue;
    const payload: Record<string, unknown> = {
      challengeId,
      challengeDomain: domain,
      doc: d.document.doc,
      questions: d.questions.map((q, i) => ({ id: questionId(i), text: q.text })),
      constraints: constraintTexts(d.plan, lib),
      entities: d.world.entities.map((e) => e.name),
      solveInstructions: solveInstructions(lib, TRACE_SUBMISSION),
      traceSubmission: { ...TRACE_SUBMISSION, submitFields: [...TRACE_SUBMISSION.submitFields] },
      multipass: { enabled: true },
      creditsPerSolve: CREDITS_PER_SOLVE,
    };
    payload.challengeManifestHash = manifestHash(payload);
    return { payload, answerKey: answerKey(d, seed, domain, challengeId) };
  }
  throw new MinerError('UNEXPECTED', `The generator found no sound challenge for seed ${seed} in domain "${domain}".`, {
    hint: 'Try another seed; if this repeats, the domain library has too few usable attributes.',
  });
}
