/**
 * What the coordinator verifies against: the answer key turned into the checker's inputs.
 * Constraint values come from the key's true facts (never from the miner's trace), so a
 * miner cannot pass by inventing values.
 */
import { attributeMatches } from '../../challenge/attributes.js';
import type { AliasMap } from '../../challenge/entities.js';
import type { AnswerKey, KeyFact } from '../generator/answer-key.js';
import type { FactSource } from '../../verify/types.js';

export interface KeyCheckInputs {
  facts: FactSource;
  /** Question id → the expected answer. */
  expectedAnswers: Record<string, string>;
  aliases: AliasMap;
}

export function answerKeyFacts(key: AnswerKey): FactSource {
  const byEntity = new Map<string, KeyFact[]>();
  for (const fact of key.facts) {
    const list = byEntity.get(fact.entity.toLowerCase()) ?? [];
    list.push(fact);
    byEntity.set(fact.entity.toLowerCase(), list);
  }
  const canonical = canonicalNames(key);
  return {
    answerTo(number: number): string | undefined {
      return key.answers.find((answer) => answer.number === number)?.answer;
    },
    attributeOf(entity: string, attributePhrase: string): string | number | undefined {
      const name = canonical.get(entity.toLowerCase());
      const facts = name ? (byEntity.get(name.toLowerCase()) ?? []) : [];
      const declared = key.attributes.find((a) => a.phrase.toLowerCase() === attributePhrase.toLowerCase())?.key;
      const fact =
        facts.find((f) => f.attribute === declared) ?? facts.find((f) => attributeMatches(attributePhrase, f.attribute));
      return fact?.value;
    },
  };
}

export function keyCheckInputs(key: AnswerKey): KeyCheckInputs {
  return {
    facts: answerKeyFacts(key),
    expectedAnswers: Object.fromEntries(key.answers.map((a) => [a.questionId, a.answer])),
    aliases: Object.fromEntries(key.entities.map((e) => [e.name, [...e.aliases]])),
  };
}

/** Every surface name (lower-case) → the canonical entity name. */
function canonicalNames(key: AnswerKey): Map<string, string> {
  const names = new Map<string, string>();
  for (const entity of key.entities) {
    names.set(entity.name.toLowerCase(), entity.name);
    for (const alias of entity.aliases) if (!names.has(alias.toLowerCase())) names.set(alias.toLowerCase(), entity.name);
  }
  return names;
}
