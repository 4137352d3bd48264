/**
 * The replay's replies, built from the answer key in exactly the shapes the solver's schemas
 * declare (src/solver/schemas.ts): hybrid answers + cited facts + support, refetched facts,
 * and the llm strategy's full solution (the reference solution). Content faults are applied
 * here; transport faults (HTTP errors, delays, broken JSON) in the server.
 */
import { attributeMatches } from '../../challenge/attributes.js';
import { textStatesValue } from '../../challenge/values.js';
import type { ComputeLogicStep, Solution } from '../../challenge/types.js';
import { SCHEMA_IDS } from '../../solver/schemas.js';
import type { AnswerKey, KeyFact } from '../generator/answer-key.js';
import type { FaultKind } from './faults.js';
import type { ReplayEntry } from './lookup.js';
import type { FactRequest, ReplayRequest } from './request.js';
import { trapWorld, type TrapWorld } from './trap-world.js';

interface Ctx {
  key: AnswerKey;
  faults: ReadonlySet<FaultKind>;
  request: ReplayRequest;
  /** Set when the reply should believe the trap. */
  fooled: TrapWorld | undefined;
  /** `bad_citation` spoils only the first fact it meets. */
  citationSpoiled: boolean;
}

interface FactReply {
  entity: string;
  value: string | number;
  citations: string[];
  status: 'confirmed';
  relativeTo?: { entity: string; value: string | number; citation: string; delta: number; deltaCitation: string };
}

function keyFact(key: AnswerKey, entity: string, attribute: string): KeyFact | undefined {
  const declared = key.attributes.find((a) => a.phrase.toLowerCase() === attribute.toLowerCase() || a.key === attribute)?.key;
  const mine = key.facts.filter((f) => f.entity.toLowerCase() === entity.toLowerCase());
  return mine.find((f) => f.attribute === declared) ?? mine.find((f) => f.attribute === attribute || attributeMatches(attribute, f.attribute));
}

/** A paragraph of the prompt's document that does not state `value` (for `bad_citation`). */
function paragraphNotStating(ctx: Ctx, value: string | number, avoid: readonly number[]): number {
  for (const [n, text] of [...ctx.request.paragraphs].sort((a, b) => a[0] - b[0])) {
    if (!avoid.includes(n) && !textStatesValue(text, value)) return n;
  }
  return 1;
}

function cite(n: number | undefined): string {
  return `paragraph_${n ?? 1}`;
}

function factReply(ctx: Ctx, fact: KeyFact): FactReply {
  const trapped = ctx.fooled && fact.entity === ctx.key.trap.entity && fact.attribute === ctx.key.trap.attribute;
  let value = fact.value;
  let paragraph = fact.paragraphs[0];
  if (trapped) {
    value = ctx.key.trap.wrongValue;
    paragraph = ctx.key.trap.wrongParagraphs[0];
  }
  const reply: FactReply = { entity: fact.entity, value, citations: [], status: 'confirmed' };
  if (fact.relative && !trapped) {
    const base = keyFact(ctx.key, fact.relative.entity, fact.relative.attribute);
    reply.relativeTo = {
      entity: fact.relative.entity,
      value: base ? (ctx.fooled?.value(base.entity, base.attribute) ?? base.value) : '',
      citation: cite(base?.paragraphs[0]),
      delta: fact.relative.delta,
      deltaCitation: cite(fact.relative.paragraph),
    };
  } else {
    reply.citations = [cite(paragraph)];
  }
  if (ctx.faults.has('bad_citation') && !ctx.citationSpoiled && !reply.relativeTo) {
    ctx.citationSpoiled = true;
    reply.citations = [cite(paragraphNotStating(ctx, value, fact.paragraphs))];
  }
  return reply;
}

function answersOf(ctx: Ctx): Record<string, string> {
  return ctx.fooled ? { ...ctx.fooled.answers } : Object.fromEntries(ctx.key.answers.map((a) => [a.questionId, a.answer]));
}

function requestedFacts(ctx: Ctx, requests: readonly FactRequest[], answers: Record<string, string>): Array<FactReply & { id: string }> {
  const out: Array<FactReply & { id: string }> = [];
  for (const r of requests) {
    const entity = r.entity ?? (r.question ? answers[r.question] : undefined);
    const fact = entity ? keyFact(ctx.key, entity, r.attribute) : undefined;
    if (fact) out.push({ id: r.id, ...factReply(ctx, fact) });
  }
  return out;
}

/** The facts each answer rests on: every hop winner's scored attributes and its filter category. */
function support(ctx: Ctx): Array<FactReply & { question: string; attribute: string }> {
  const out: Array<FactReply & { question: string; attribute: string }> = [];
  for (const answer of ctx.key.answers) {
    const winners = ctx.fooled?.winners[answer.questionId];
    (answer.hops ?? []).forEach((hop, i) => {
      const winner = winners?.[i] ?? hop.winner;
      const attributes = [...hop.attributes, ...(hop.filter?.kind === 'category' ? [hop.filter.attribute] : [])];
      for (const attribute of attributes) {
        const fact = keyFact(ctx.key, winner, attribute);
        if (fact) out.push({ question: answer.questionId, attribute, ...factReply(ctx, fact) });
      }
    });
  }
  return out;
}

function llmSolution(ctx: Ctx, entry: ReplayEntry): Solution {
  const solution = structuredClone(entry.solution);
  if (ctx.fooled) {
    for (const id of ctx.key.trap.affects) if (id in solution.submittedAnswers && ctx.fooled.answers[id]) solution.submittedAnswers[id] = ctx.fooled.answers[id] as string;
  }
  if (ctx.faults.has('miscounted_artifact')) {
    const words = solution.artifact.split(' ');
    solution.artifact = [...words, words.at(-1) ?? 'more'].join(' ');
  }
  if (ctx.faults.has('arithmetic_slip')) {
    const step = solution.reasoningTrace.findLast((s): s is ComputeLogicStep => s.action === 'compute_logic' && typeof (s as ComputeLogicStep).result === 'number');
    if (step) step.result = (step.result as number) + 1;
  }
  return solution;
}

/** The reply object for a request, or undefined when the declared schema is not one the replay knows. */
export function replyFor(entry: ReplayEntry, request: ReplayRequest, faults: ReadonlySet<FaultKind>): Record<string, unknown> | undefined {
  const ctx: Ctx = { key: entry.answerKey, faults, request, fooled: faults.has('wrong_trap_answer') ? trapWorld(entry.answerKey) : undefined, citationSpoiled: false };
  switch (request.schema) {
    case SCHEMA_IDS.hybrid: {
      const answers = answersOf(ctx);
      return { answers, facts: requestedFacts(ctx, request.factRequests, answers), support: support(ctx) };
    }
    case SCHEMA_IDS.hybridRefetch:
      return { facts: requestedFacts(ctx, request.factRequests, answersOf(ctx)) };
    case SCHEMA_IDS.llm:
    case SCHEMA_IDS.llmRepair:
      return { ...llmSolution(ctx, entry) };
    default:
      return undefined;
  }
}
