/**
 * The hybrid strategy (spec/miner.md §1): the model reads, code counts. One call returns the
 * answers and every fact the constraints need, with citations; code checks each citation the
 * way the trace validator will, asks again specifically for the facts that fail (before any
 * attempt is spent), computes the prime, the equation and the acrostic, builds the trace and
 * composes the artifact, then runs the local check.
 */
import type { Challenge } from '../../../challenge/types.js';
import { checkSolution } from '../../../verify/check.js';
import { constraintNeeds, type ConstraintNeeds, type FactNeed } from '../../constraint-needs.js';
import { ModelSession } from '../../model-session.js';
import { hybridResponseSchema, refetchResponseSchema, SCHEMA_IDS, type FactAnswer, type HybridResponse } from '../../schemas.js';
import { DEFAULT_MAX_REPAIRS, type SolveDeps, type SolveOutcome, type SolveRequest, type SolveStrategy } from '../../strategy.js';
import { assembleSolution, type HybridState } from './assemble.js';
import { FactContext, needsRefetch, resolveFact, type ResolvedFact } from './facts.js';
import { mainPrompt, refetchPrompt, type RefetchItem } from './prompts.js';
import { planRetry, revisionFor, type RetryPlan } from './retry.js';

interface Run {
  challenge: Challenge;
  attempt: number;
  ctx: FactContext;
  needs: ConstraintNeeds;
  session: ModelSession;
  critiques: readonly string[] | undefined;
}

const needById = (needs: ConstraintNeeds, id: string): FactNeed | undefined => needs.needs.find((n) => n.id === id);

/** The answer entity (roster name when it is one) of question `questionId`. */
function answerEntity(run: Run, answers: Record<string, string>, questionId: string): string {
  const answer = answers[questionId] ?? '';
  return run.ctx.rosterName(answer) ?? answer;
}

function normaliseAnswers(run: Run, raw: Record<string, string>): Record<string, string> {
  const byLower = new Map(Object.entries(raw).map(([id, a]) => [id.toLowerCase(), a]));
  const answers: Record<string, string> = {};
  for (const q of run.challenge.questions) {
    const given = raw[q.id] ?? byLower.get(q.id.toLowerCase());
    if (given !== undefined && given.trim() !== '') answers[q.id] = run.ctx.rosterName(given) ?? given.trim();
  }
  return answers;
}

function resolveNeeds(run: Run, answers: Record<string, string>, facts: readonly FactAnswer[]): Map<string, ResolvedFact> {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const out = new Map<string, ResolvedFact>();
  for (const need of run.needs.needs) {
    const entity = answerEntity(run, answers, need.questionId);
    out.set(need.id, resolveFact(run.ctx, entity, run.ctx.attributeKey(need.phrase), byId.get(need.id), need.numeric));
  }
  return out;
}

function resolveSupport(run: Run, response: HybridResponse): ResolvedFact[] {
  const out: ResolvedFact[] = [];
  for (const s of response.support) {
    const entity = run.ctx.rosterName(s.entity);
    if (!entity) continue;
    const numeric = typeof s.value === 'number' || s.relativeTo != null;
    out.push(resolveFact(run.ctx, entity, run.ctx.attributeKey(s.attribute), { ...s, id: '' }, numeric));
  }
  return out;
}

/** A token value that holds the forbidden letter cannot be right: the generator never asks for one. */
function forbiddenProblem(run: Run, need: FactNeed, fact: ResolvedFact): string | undefined {
  const letter = run.needs.forbiddenLetter?.toLowerCase();
  if (!letter || need.numeric || !run.needs.tokens.includes(need)) return undefined;
  return String(fact.value).toLowerCase().includes(letter) ? `the value contains the letter "${letter}", which the artifact may not` : undefined;
}

function refetchItems(run: Run, state: HybridState): RefetchItem[] {
  const items: RefetchItem[] = [];
  for (const [id, fact] of state.facts) {
    const need = needById(run.needs, id) as FactNeed;
    const problem = needsRefetch(fact) ?? forbiddenProblem(run, need, fact);
    if (problem) items.push({ id, entity: fact.entity, attribute: need.phrase, kind: need.numeric ? 'number' : 'text', previous: fact.value, problem });
  }
  state.support.forEach((fact, i) => {
    const problem = needsRefetch(fact);
    if (problem) items.push({ id: `s${i + 1}`, entity: fact.entity, attribute: fact.attribute, kind: typeof fact.value === 'number' ? 'number' : 'text', previous: fact.value, problem });
  });
  return items;
}

async function refetch(run: Run, state: HybridState, items: RefetchItem[], reason: string): Promise<HybridState> {
  const prompt = refetchPrompt({ challenge: run.challenge, attempt: run.attempt, ctx: run.ctx, items, reason, ...(run.critiques ? { critiques: run.critiques } : {}) });
  const reply = await run.session.json({
    schemaId: SCHEMA_IDS.hybridRefetch,
    schema: refetchResponseSchema,
    messages: [{ role: 'user', content: prompt }],
    challengeId: run.challenge.challengeId,
    attempt: run.attempt,
  });
  const byId = new Map(reply.value.facts.map((f) => [f.id, f]));
  const facts = new Map(state.facts);
  const support = [...state.support];
  for (const item of items) {
    const answer = byId.get(item.id);
    if (!answer) continue;
    const numeric = item.kind === 'number';
    const attribute = item.id.startsWith('s') ? item.attribute : run.ctx.attributeKey(item.attribute);
    const fact = resolveFact(run.ctx, item.entity, attribute, answer, numeric);
    if (item.id.startsWith('s')) support[Number(item.id.slice(1)) - 1] = fact;
    else facts.set(item.id, fact);
  }
  return { ...state, facts, support };
}

async function readAll(run: Run, plan: RetryPlan): Promise<HybridState> {
  const reply = await run.session.json({
    schemaId: SCHEMA_IDS.hybrid,
    schema: hybridResponseSchema,
    messages: [{ role: 'user', content: mainPrompt({ challenge: run.challenge, attempt: run.attempt, needs: run.needs.needs, ...(plan.answers ? { retry: plan.answers } : {}), ...(run.critiques ? { critiques: run.critiques } : {}) }) }],
    challengeId: run.challenge.challengeId,
    attempt: run.attempt,
  });
  const answers = normaliseAnswers(run, reply.value.answers);
  return { answers, facts: resolveNeeds(run, answers, reply.value.facts), support: resolveSupport(run, reply.value) };
}

/** Answers were right but constraints fell short: keep the answers, re-extract every constraint fact. */
async function reExtract(run: Run, answers: Record<string, string>): Promise<HybridState> {
  const state: HybridState = { answers, facts: new Map(), support: [] };
  const items: RefetchItem[] = run.needs.needs.map((need) => ({
    id: need.id,
    entity: answerEntity(run, answers, need.questionId),
    attribute: need.phrase,
    kind: need.numeric ? 'number' : 'text',
    problem: 'a previous submission had the answers right but a constraint value wrong; re-read this value',
  }));
  for (const item of items) state.facts.set(item.id, { entity: item.entity, attribute: run.ctx.attributeKey(item.attribute), value: '', problem: item.problem });
  return refetch(run, state, items, 'a previous submission had the right answers but some constraint values were wrong; re-extract each fact with care, preferring confirmed, verified or audited values over preliminary ones.');
}

export async function solveHybrid(request: SolveRequest, deps: SolveDeps): Promise<SolveOutcome> {
  const { challenge, attempt } = request;
  const session = new ModelSession(deps, request.signal, 'hybrid');
  const run: Run = { challenge, attempt, ctx: new FactContext(challenge), needs: constraintNeeds(challenge), session, critiques: request.critiques };
  const plan = planRetry(challenge, request.history);
  let state = plan.mode === 'facts' && plan.previousAnswers ? await reExtract(run, plan.previousAnswers) : await readAll(run, plan);
  const maxRepairs = deps.maxRepairs ?? DEFAULT_MAX_REPAIRS;
  let repairs = 0;
  for (let items = refetchItems(run, state); items.length > 0 && repairs < maxRepairs; items = refetchItems(run, state)) {
    state = await refetch(run, state, items, 'some facts you reported could not be verified against the cited paragraphs (the problem is given with each request).');
    repairs += 1;
  }
  const solution = assembleSolution(challenge, run.needs, state, revisionFor(plan, request.history, state));
  const check = checkSolution(challenge, solution);
  return { solution, check, repairs, ...session.totals };
}

export const hybridStrategy: SolveStrategy = { name: 'hybrid', solve: solveHybrid };
