/**
 * The hybrid strategy (spec/miner.md §1): the model reads, code counts. One call returns the
 * answers and every fact the constraints need, with citations; code checks each citation the
 * way the trace validator will, asks again specifically for the facts that fail (before any
 * attempt is spent), re-asks the answers a constraint proves impossible (a required value or an
 * acrostic letter that holds the forbidden letter), computes the prime, the equation and the
 * acrostic, builds the trace and composes the artifact, then runs the local check.
 */
import type { Challenge } from '../../../challenge/types.js';
import { MinerError } from '../../../errors.js';
import { checkSolution } from '../../../verify/check.js';
import { constraintNeeds, type ConstraintNeeds, type FactNeed } from '../../constraint-needs.js';
import { ModelSession } from '../../model-session.js';
import { hybridResponseSchema, refetchResponseSchema, SCHEMA_IDS, type FactAnswer, type HybridResponse } from '../../schemas.js';
import { DEFAULT_MAX_REPAIRS, type SolveDeps, type SolveOutcome, type SolveRequest, type SolveStrategy } from '../../strategy.js';
import { assembleSolution, type HybridState, type Revision } from './assemble.js';
import { FactContext, needsRefetch, resolveFact, type ResolvedFact } from './facts.js';
import { impossibilities, type Impossibility } from './impossible.js';
import { mainPrompt, reanswerPrompt, refetchPrompt, type RefetchItem } from './prompts.js';
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
    out.push({ ...resolveFact(run.ctx, entity, run.ctx.attributeKey(s.attribute), { ...s, id: '' }, numeric), question: questionIdOf(run, s.question) });
  }
  return out;
}

function refetchItems(run: Run, state: HybridState): RefetchItem[] {
  const items: RefetchItem[] = [];
  for (const [id, fact] of state.facts) {
    const need = needById(run.needs, id) as FactNeed;
    const problem = needsRefetch(fact);
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
    if (item.id.startsWith('s')) {
      const i = Number(item.id.slice(1)) - 1;
      const question = support[i]?.question;
      support[i] = { ...fact, ...(question !== undefined ? { question } : {}) };
    } else facts.set(item.id, fact);
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

/** The payload's id for a question id the model wrote (any case); the raw id when none matches. */
function questionIdOf(run: Run, raw: string): string {
  return run.challenge.questions.find((q) => q.id.toLowerCase() === raw.trim().toLowerCase())?.id ?? raw;
}

function describeFact(fact: ResolvedFact | undefined): string {
  return fact ? `${JSON.stringify(fact.value)} (${fact.entity})` : '(none)';
}

/**
 * Constraints proved some answers wrong: re-ask exactly the questions they depend on, re-extract
 * those questions' constraint facts and support, and say what changed (for the revision step).
 */
async function reanswer(run: Run, state: HybridState, found: readonly Impossibility[]): Promise<{ state: HybridState; revision: Revision }> {
  const wanted = new Set(found.flatMap((f) => f.questions));
  const questionIds = run.challenge.questions.filter((q) => wanted.has(q.id)).map((q) => q.id);
  const asked = new Set(questionIds);
  const needs = run.needs.needs.filter((n) => asked.has(n.questionId));
  const problems = found.map((f) => f.reason);
  const reply = await run.session.json({
    schemaId: SCHEMA_IDS.hybrid,
    schema: hybridResponseSchema,
    messages: [{ role: 'user', content: reanswerPrompt({ challenge: run.challenge, attempt: run.attempt, questionIds, needs, problems, ...(run.critiques ? { critiques: run.critiques } : {}) }) }],
    challengeId: run.challenge.challengeId,
    attempt: run.attempt,
  });
  const given = normaliseAnswers(run, reply.value.answers);
  const answers = { ...state.answers };
  for (const id of questionIds) if (given[id] !== undefined) answers[id] = given[id];
  const byId = new Map(reply.value.facts.map((f) => [f.id, f]));
  const facts = new Map(state.facts);
  for (const need of needs) facts.set(need.id, resolveFact(run.ctx, answerEntity(run, answers, need.questionId), run.ctx.attributeKey(need.phrase), byId.get(need.id), need.numeric));
  const fresh = resolveSupport(run, reply.value).filter((s) => asked.has(s.question ?? ''));
  const support = [...state.support.filter((s) => !asked.has(s.question ?? '')), ...fresh];
  const changes = questionIds.filter((id) => answers[id] !== state.answers[id]).map((id) => `${id}: ${state.answers[id] ?? '(none)'} -> ${answers[id] ?? '(none)'}`);
  for (const need of needs) {
    const before = state.facts.get(need.id);
    const after = facts.get(need.id);
    if (before?.entity !== after?.entity || before?.value !== after?.value) changes.push(`${need.id} ${need.phrase} of the answer to ${need.questionId}: ${describeFact(before)} -> ${describeFact(after)}`);
  }
  const reason = `Before submitting attempt ${run.attempt}: ${problems.join('; ')}. Re-asked ${questionIds.join(', ')} (preliminary vs confirmed values, aliases) and re-extracted their constraint facts.`;
  return { state: { answers, facts, support }, revision: { reason, changes } };
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
  const revisions: Revision[] = [];
  // Impossible answers first: a new answer brings new facts, so refetching the old ones would be wasted.
  for (; repairs < maxRepairs; repairs += 1) {
    const found = impossibilities(challenge, run.ctx, run.needs, state);
    if (found.length > 0) {
      const next = await reanswer(run, state, found);
      state = next.state;
      revisions.push(next.revision);
      continue;
    }
    const items = refetchItems(run, state);
    if (items.length === 0) break;
    state = await refetch(run, state, items, 'some facts you reported could not be verified against the cited paragraphs (the problem is given with each request).');
  }
  // Findings that still leave an artifact to compose go on to the local check, which reports them.
  const left = impossibilities(challenge, run.ctx, run.needs, state).filter((f) => f.blocksArtifact);
  if (left.length > 0) {
    throw new MinerError('UNSOLVED', `The model's answers make a constraint impossible, even after asking again: ${left[0]?.reason ?? ''}.`, {
      details: left.map((f) => f.reason).join('\n'),
      hint: 'No attempt was spent. Fetch a new challenge, raise the repair budget, or use a stronger model.',
    });
  }
  const retried = revisionFor(plan, request.history, state);
  const solution = assembleSolution(challenge, run.needs, state, [...(retried ? [retried] : []), ...revisions]);
  const check = checkSolution(challenge, solution);
  return { solution, check, repairs, ...session.totals };
}

export const hybridStrategy: SolveStrategy = { name: 'hybrid', solve: solveHybrid };
