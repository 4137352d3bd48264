import { describe, it, expect } from 'vitest';
import { generateChallenge, listDomains, manifestHash } from '../../../src/sandbox/generator/index.js';
import { loadDomain } from '../../../src/sandbox/generator/library.js';
import { splitParagraphs } from '../../../src/challenge/paragraphs.js';
import { textStatesValue } from '../../../src/challenge/values.js';
import { textMentionsEntity } from '../../../src/challenge/entities.js';
import { modTerm, nextPrime } from '../../../src/verify/math.js';
import type { AnswerKey } from '../../../src/sandbox/generator/answer-key.js';
import { factLookup, recomputeAnswer } from './key-semantics.js';

const SEEDS_PER_DOMAIN = 200;
/** The text-level citation check (the slowest: the real matchers over every cited fact) runs on every n-th seed. */
const CITATION_STRIDE = 4;
const SHAPES = ['argmax', 'argmin', 'filter_argmax', 'series_reduce', 'ratio', 'chain'];

function seedFor(domain: string, i: number): bigint {
  return (BigInt(i) << 64n) + BigInt(domain.length * 7919 + i);
}

/** The documented margin: 3 % of the larger magnitude, or 2 years for a year value. */
function hasMargin(first: number, second: number, isYear: boolean): boolean {
  const gap = Math.abs(first - second);
  return isYear ? gap >= 2 : gap > 0 && gap * 100 >= 3 * Math.max(Math.abs(first), Math.abs(second)) - 1e-9;
}

function checkAnswers(key: AnswerKey): void {
  const get = factLookup(key);
  const yearKeys = new Set(key.attributes.filter((a) => a.kind === 'year').map((a) => a.key));
  expect(new Set(key.answers.map((a) => a.shape === 'argmin' ? 'argmax' : a.shape))).toEqual(new Set(['argmax', 'filter_argmax', 'series_reduce', 'ratio', 'chain']));
  for (const answer of key.answers) {
    expect(SHAPES).toContain(answer.shape);
    const hops = answer.hops ?? [];
    expect(hops.length).toBeGreaterThan(0);
    const outcomes = recomputeAnswer(key, hops, get);
    outcomes.forEach((o, i) => {
      const hop = hops[i]!;
      if (hop.filter) expect(o.candidates.length, `${answer.questionId} filter keeps >= 2`).toBeGreaterThanOrEqual(2);
      if (hop.filter?.kind === 'decline') expect(o.candidates.length).toBeLessThan(key.entities.length);
      expect(o.winner).toBe(hop.winner);
      const isYear = hop.score === 'value' && yearKeys.has(hop.attributes[0]!);
      expect(hasMargin(o.scores[0]!.score, o.scores[1]!.score, isYear), `${answer.questionId} margin`).toBe(true);
    });
    expect(outcomes[outcomes.length - 1]!.winner).toBe(answer.answer);
  }
}

function checkTrap(key: AnswerKey): void {
  const { trap } = key;
  const wrong = Number(trap.wrongValue);
  const correct = Number(trap.correctValue);
  const off = Math.abs(wrong - correct) / correct;
  expect(off).toBeGreaterThanOrEqual(0.15 - 1e-9);
  expect(off).toBeLessThanOrEqual(0.35 + 1e-9);
  expect(trap.wrongParagraphs.length).toBeGreaterThan(0);
  expect(trap.correctParagraphs.length).toBeGreaterThan(0);
  expect(Math.max(...trap.wrongParagraphs)).toBeLessThan(Math.min(...trap.correctParagraphs));
  expect(key.facts.find((f) => f.entity === trap.entity && f.attribute === trap.attribute)?.value).toBe(correct);
  // Independently: reading the wrong value changes an answer or a constraint value.
  const misread = factLookup(key, { entity: trap.entity, attribute: trap.attribute, value: wrong });
  const answersChange = key.answers.some((a) => recomputeAnswer(key, a.hops ?? [], misread).at(-1)!.winner !== a.answer);
  const constraintChanges = key.constraints.some((c) =>
    (c.inputs ?? []).some(
      (i) => i.modulus !== undefined && i.entity === trap.entity && i.attribute === trap.attribute && modTerm(wrong, i.modulus, i.offset!) !== modTerm(correct, i.modulus, i.offset!),
    ),
  );
  expect(answersChange || constraintChanges, 'trap changes an answer or a constraint value').toBe(true);
  expect(trap.affects.length).toBeGreaterThan(0);
}

function checkConstraints(key: AnswerKey, constraints: string[]): void {
  const byKind = (kind: string) => key.constraints.filter((c) => c.kind === kind);
  const forbidden = String(byKind('forbidden_letter')[0]!.expected);
  expect(forbidden).toMatch(/^[a-z]$/);
  expect(constraints[7]).toBe(`Must NOT contain the letter "${forbidden}" (case-insensitive).`);
  const acrostic = String(byKind('acrostic')[0]!.expected);
  expect(acrostic.toLowerCase()).not.toContain(forbidden);
  const initials = byKind('acrostic')[0]!.inputs!.map((i) => String(i.value).split(' ').map((w) => w[0]!.toUpperCase()).join('')).join('');
  expect(initials.startsWith(acrostic)).toBe(true);
  for (const c of byKind('required_token')) {
    const input = c.inputs![0]!;
    expect(key.answers[input.question - 1]!.answer).toBe(input.entity);
    expect(c.expected).toBe(input.value);
    expect(String(c.expected).toLowerCase()).not.toContain(forbidden);
  }
  const prime = byKind('prime')[0]!;
  const p = prime.inputs![0]!;
  expect(prime.expected).toBe(nextPrime(modTerm(Number(p.value), p.modulus!, p.offset!)));
  const equation = byKind('equation')[0]!;
  const [a, b] = equation.inputs!.map((i) => modTerm(Number(i.value), i.modulus!, i.offset!)) as [number, number];
  expect(equation.expected).toBe(`${a}+${b}=${a + b}`);
  expect(constraints).toHaveLength(9);
  expect(constraints[0]).toBe(`Write EXACTLY ${byKind('word_count')[0]!.expected} words. Single line.`);
}

/** Every fact the key cites is stated (entity or alias + value) in each cited paragraph. */
function citationProblems(key: AnswerKey, paragraphs: Map<number, string>): string[] {
  const aliases = new Map(key.entities.map((e) => [e.name, e.aliases]));
  const facts = new Map(key.facts.map((f) => [`${f.entity}\u0000${f.attribute}`, f]));
  const mentions = (n: number, entity: string): boolean => textMentionsEntity(paragraphs.get(n) ?? '', entity, aliases.get(entity) ?? []);
  const problems: string[] = [];
  for (const fact of key.facts) {
    const name = `${fact.entity} / ${fact.attribute}`;
    if (fact.relative) {
      const { relative } = fact;
      const base = facts.get(`${relative.entity}\u0000${relative.attribute}`);
      if (fact.paragraphs.length > 0) problems.push(`${name}: a relative fact is stated directly`);
      if (!base || base.relative) problems.push(`${name}: base is missing or relative`);
      else if (Number(base.value) + relative.delta !== fact.value) problems.push(`${name}: wrong relational arithmetic`);
      if (!mentions(relative.paragraph, fact.entity)) problems.push(`${name}: relation paragraph does not name it`);
      if (!textStatesValue(paragraphs.get(relative.paragraph) ?? '', Math.abs(relative.delta))) problems.push(`${name}: delta not stated`);
      continue;
    }
    if (fact.paragraphs.length === 0) problems.push(`${name}: stated nowhere`);
    for (const n of fact.paragraphs) {
      if (!mentions(n, fact.entity)) problems.push(`${name}: paragraph ${n} does not name it`);
      if (!textStatesValue(paragraphs.get(n) ?? '', fact.value)) problems.push(`${name}: paragraph ${n} does not state ${fact.value}`);
    }
  }
  for (const n of key.trap.wrongParagraphs) {
    if (!textStatesValue(paragraphs.get(n) ?? '', key.trap.wrongValue)) problems.push(`trap: paragraph ${n} does not state the wrong value`);
  }
  return problems;
}

describe.each(listDomains().map((d) => d.name))('generator invariants: %s', (domain) => {
  const lib = loadDomain(domain);
  const years = lib.attributes.filter((a) => a.kind === 'year');

  it(`holds over ${SEEDS_PER_DOMAIN} seeds`, () => {
    for (let i = 0; i < SEEDS_PER_DOMAIN; i += 1) {
      const { payload, answerKey: key } = generateChallenge({ seed: seedFor(domain, i), domain });
      const doc = payload.doc as string;
      const paragraphs = splitParagraphs(doc);
      expect(paragraphs.length).toBeGreaterThanOrEqual(60);
      expect(paragraphs.length).toBeLessThanOrEqual(100);
      expect(doc.split('\n\n').map((p) => /^\[paragraph_(\d+)\] /.exec(p)?.[1])).toEqual(paragraphs.map((_, j) => String(j + 1)));
      const entities = payload.entities as string[];
      expect(entities.length).toBeGreaterThanOrEqual(12);
      expect(entities.length).toBeLessThanOrEqual(20);
      const texts = [doc, ...(payload.questions as Array<{ text: string }>).map((q) => q.text), ...(payload.constraints as string[])];
      for (const text of texts) {
        expect(text).not.toMatch(/[{}]/);
        expect(text).not.toMatch(/\d\.\d{5,}/);
      }
      expect(JSON.stringify(payload)).not.toMatch(/"(answers?|answerKey|expected|trap)"/);
      expect(payload.challengeManifestHash).toBe(manifestHash(payload));
      expect(payload.questions).toHaveLength(10);
      expect(doc, 'no year with a thousands separator').not.toMatch(/\b(in|since) \d,\d{3}[.,;]/);
      for (const date of doc.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []) {
        expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      }
      const problems: string[] = [];
      for (const fact of key.facts) {
        if (typeof fact.value === 'number' && !/^-?\d+(\.\d{1,3})?$/.test(String(fact.value))) problems.push(`float artefact ${fact.value}`);
      }
      for (const y of years) {
        for (const fact of key.facts.filter((f) => f.attribute === y.key)) {
          // Years are written plainly where the key cites them, and never before the year they follow.
          const plain = new RegExp(`\\b${fact.value}\\b`);
          for (const n of fact.paragraphs) if (!plain.test(paragraphs[n - 1]!.text)) problems.push(`${fact.entity} ${y.key} not plain in ${n}`);
          const earlier = y.after ? key.facts.find((f) => f.entity === fact.entity && f.attribute === y.after!.key) : undefined;
          if (y.after && Number(fact.value) < Number(earlier!.value) + y.after.gap) problems.push(`${fact.entity} ${y.key} before ${y.after.key}`);
        }
      }
      if (i % CITATION_STRIDE === 0) problems.push(...citationProblems(key, new Map(paragraphs.map((p) => [p.n, p.text]))));
      expect(problems, `seed ${i}`).toEqual([]);
      checkAnswers(key);
      checkTrap(key);
      checkConstraints(key, payload.constraints as string[]);
    }
  });
});
