/**
 * The hybrid strategy's view of the model's facts: names resolved to the roster, values
 * normalised, and every citation checked the way the trace validator will check it (the
 * paragraph names the entity or an alias and states the value). A fact that fails says why,
 * so the refetch prompt can ask for exactly that.
 */
import { attributeTokens, attributeMatches } from '../../../challenge/attributes.js';
import { textMentionsEntity, type AliasMap } from '../../../challenge/entities.js';
import { paragraphNumber } from '../../../challenge/paragraphs.js';
import type { Challenge } from '../../../challenge/types.js';
import { parseNumeric, textStatesValue } from '../../../challenge/values.js';
import { aliasIndex, mergedAliases, prepareChallenge, type PreparedChallenge } from '../../../verify/prepared.js';
import type { FactAnswer, RelativeFact } from '../../schemas.js';

export interface CitedValue {
  value: string | number;
  /** The first citation that checks out. */
  paragraph?: number;
  /** The first paragraph the model named, when none checks out (the trace still needs a source). */
  claimed?: number;
  problem?: string;
}

export interface ResolvedFact extends CitedValue {
  entity: string;
  /** Canonical attribute key for the trace. */
  attribute: string;
  status?: string;
  /** Support facts: the question id the model said the fact supports. */
  question?: string;
  relative?: { base: CitedValue & { entity: string }; delta: number; deltaParagraph?: number; deltaClaimed?: number; deltaProblem?: string };
}

export class FactContext {
  readonly prepared: PreparedChallenge;
  readonly aliases: AliasMap;
  private readonly names: Map<string, string>;
  private readonly keys: Array<{ key: string; phrase: string }>;

  constructor(readonly challenge: Challenge) {
    this.prepared = prepareChallenge(challenge);
    this.aliases = mergedAliases(this.prepared);
    this.names = aliasIndex(this.prepared, this.aliases);
    this.keys = canonicalKeys(challenge.solveInstructions ?? '');
  }

  /** The roster name for a name the model used (exact, any case, or a learned alias). */
  rosterName(name: string): string | undefined {
    return this.names.get(name.trim().toLowerCase());
  }

  /** The canonical key the payload lists for a phrase, else one built from the phrase's tokens. */
  attributeKey(phrase: string): string {
    const listed = this.keys.find((k) => attributeMatches(phrase, k.key) || attributeMatches(phrase, k.phrase));
    return listed?.key ?? attributeTokens(phrase).join('.');
  }

  /** Checks citations in order; the first that names the entity and states the value wins. */
  cite(entity: string, value: string | number, citations: readonly string[]): CitedValue {
    const problems: string[] = [];
    let claimed: number | undefined;
    for (const source of citations) {
      const n = paragraphNumber(source);
      claimed ??= n;
      const paragraph = n === undefined ? undefined : this.prepared.paragraphs.get(n);
      if (!paragraph || n === undefined) {
        problems.push(`${source} is not a paragraph of the document`);
        continue;
      }
      const missing: string[] = [];
      if (!textMentionsEntity(paragraph.text, entity, this.aliases[entity])) missing.push(`does not name ${entity} or an alias`);
      if (!textStatesValue(paragraph.text, value)) missing.push(`does not state ${JSON.stringify(value)}`);
      if (missing.length === 0) return { value, paragraph: n };
      problems.push(`paragraph_${n} ${missing.join(' and ')}`);
    }
    return { value, ...(claimed !== undefined ? { claimed } : {}), problem: problems.length > 0 ? problems.join('; ') : 'no citation given' };
  }

  /** Paragraphs naming any of the entities (or an alias), tagged as in the document; '' if none does. */
  paragraphsAbout(entities: readonly string[]): string {
    return this.prepared.paragraphs.paragraphs
      .filter((p) => entities.some((e) => textMentionsEntity(p.text, e, this.aliases[e])))
      .map((p) => `[paragraph_${p.n}] ${p.text}`)
      .join('\n\n');
  }
}

/** `- headquarters.city: headquarters city` lines of the solve instructions. */
function canonicalKeys(instructions: string): Array<{ key: string; phrase: string }> {
  return [...instructions.matchAll(/^\s*-\s*([a-z0-9_]+(?:\.[a-z0-9_]+)+|[a-z0-9_]+):\s*([^(\n]+)/gim)].map((m) => ({
    key: (m[1] as string).trim(),
    phrase: (m[2] as string).trim(),
  }));
}

/** A value as the trace should carry it: a JSON number for numeric facts (money in $ millions). */
export function normaliseValue(value: string | number, numeric: boolean): string | number | undefined {
  if (typeof value === 'number') return numeric ? value : String(value);
  const trimmed = value.trim();
  if (!numeric) return trimmed === '' ? undefined : trimmed;
  return parseNumeric(trimmed);
}

function resolveRelative(ctx: FactContext, entity: string, rel: RelativeFact, numeric: boolean): ResolvedFact['relative'] {
  const baseEntity = ctx.rosterName(rel.entity) ?? rel.entity;
  const baseValue = normaliseValue(rel.value, numeric);
  const base = baseValue === undefined ? { entity: baseEntity, value: rel.value, problem: 'the base value is not a number' } : { entity: baseEntity, ...ctx.cite(baseEntity, baseValue, [rel.citation]) };
  const delta = Number(rel.delta);
  const deltaCite = ctx.cite(entity, Math.abs(delta), [rel.deltaCitation]);
  return {
    base,
    delta,
    ...(deltaCite.paragraph !== undefined ? { deltaParagraph: deltaCite.paragraph } : {}),
    ...(deltaCite.claimed !== undefined ? { deltaClaimed: deltaCite.claimed } : {}),
    ...(deltaCite.problem ? { deltaProblem: deltaCite.problem } : {}),
  };
}

/** A model fact for `entity`'s `attribute`, resolved and citation-checked. */
export function resolveFact(ctx: FactContext, entity: string, attribute: string, answer: FactAnswer | undefined, numeric: boolean): ResolvedFact {
  if (!answer) return { entity, attribute, value: '', problem: 'the model gave no value' };
  const given = ctx.rosterName(answer.entity);
  const value = normaliseValue(answer.value, numeric);
  const base = { entity, attribute, ...(answer.status ? { status: answer.status } : {}) };
  if (given !== undefined && given !== entity) return { ...base, value: answer.value, problem: `the value given is ${given}'s, not ${entity}'s` };
  if (value === undefined) return { ...base, value: answer.value, problem: numeric ? `${JSON.stringify(answer.value)} is not a number` : 'the value is empty' };
  if (answer.relativeTo) {
    const relative = resolveRelative(ctx, entity, answer.relativeTo, numeric);
    const problem = [relative?.base.problem, relative?.deltaProblem].filter(Boolean).join('; ');
    return { ...base, value, ...(relative ? { relative } : {}), ...(problem ? { problem } : {}) };
  }
  return { ...base, ...ctx.cite(entity, value, answer.citations) };
}

/** Preliminary values are as suspect as bad citations: ask for the confirmed one. */
export function needsRefetch(fact: ResolvedFact): string | undefined {
  if (fact.problem) return fact.problem;
  if (fact.status && /prelim|plan|uncurat|estimat|unconfirm|unknown/i.test(fact.status)) return `the value was reported as ${fact.status}`;
  return undefined;
}
