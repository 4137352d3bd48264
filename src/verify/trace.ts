/**
 * Reasoning-trace validation (protocol §8). Every problem is a `TraceError` with a stable rule
 * name; the trace is valid when there are none.
 *
 * Strictness: production "rejects fake paragraph ids and invented values" but does not publish
 * its exact rule. We therefore treat *every* extract whose citation does not check out as an
 * error (`citation`, or `citation_unknown_paragraph` for a paragraph that does not exist), and
 * separately compare the share of good citations with `citationTargetRate` (`citation_rate`).
 * A miner that passes this check has no citation production could call invented.
 */
import type { AliasMap } from '../challenge/entities.js';
import { textMentionsEntity } from '../challenge/entities.js';
import type { Challenge, ComputeLogicStep, ExtractFactStep, TraceStep } from '../challenge/types.js';
import { parseNumeric, textStatesValue } from '../challenge/values.js';
import { isCompute, isExtract } from './facts.js';
import { operations, resultMatches, type OperationValue } from './math.js';
import { aliasIndex, mergedAliases, prepareChallenge, type PreparedChallenge } from './prepared.js';
import type { TraceError, TraceReport } from './types.js';

export interface TraceOptions {
  /** Extra aliases (canonical name → aliases), merged with those the document introduces. */
  aliases?: AliasMap;
}

interface TraceContext {
  prepared: PreparedChallenge;
  aliases: AliasMap;
  names: Map<string, string>;
  trace: TraceStep[];
  /** step_id → position of its first occurrence. */
  positions: Map<string, number>;
  errors: TraceError[];
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function fail(ctx: TraceContext, rule: string, step: TraceStep | undefined, message: string): void {
  ctx.errors.push({ rule, ...(step && typeof step.step_id === 'string' ? { stepId: step.step_id } : {}), message });
}

function checkShape(ctx: TraceContext, challenge: Challenge): void {
  const { minSteps, maxSteps } = challenge.traceSubmission;
  const n = ctx.trace.length;
  if (n < minSteps || n > maxSteps) fail(ctx, 'step_count', undefined, `${n} steps; the trace must have ${minSteps} to ${maxSteps}`);
  if (!ctx.trace.some(isExtract)) fail(ctx, 'missing_extract', undefined, 'no extract_fact step; cite at least one fact');
  if (!ctx.trace.some(isCompute)) fail(ctx, 'missing_compute', undefined, 'no compute_logic step; show at least one computation');
}

/** Ids must be unique non-empty strings; records each id's first position for reference checks. */
function checkIds(ctx: TraceContext): void {
  ctx.trace.forEach((step, i) => {
    const id: unknown = step.step_id;
    if (typeof id !== 'string' || id.trim() === '') {
      fail(ctx, 'step_id_type', undefined, `step ${i + 1} has step_id ${show(id)}; step ids must be non-empty strings (e.g. "e1")`);
    } else if (ctx.positions.has(id)) {
      fail(ctx, 'duplicate_step_id', step, `step ${i + 1} reuses step_id ${show(id)} (first used by step ${(ctx.positions.get(id) ?? 0) + 1})`);
    } else {
      ctx.positions.set(id, i);
    }
  });
}

/** The number (or comparison result) a step contributes when another step cites it. */
function stepValue(step: TraceStep): OperationValue | undefined {
  if (isExtract(step)) {
    const v: unknown = step.valueExtracted;
    return typeof v === 'number' ? v : typeof v === 'string' ? parseNumeric(v) : undefined;
  }
  if (isCompute(step)) return typeof step.result === 'number' || typeof step.result === 'boolean' ? step.result : undefined;
  return undefined;
}

/** Resolves one input to a value, or explains why it cannot be used. */
function inputValue(ctx: TraceContext, input: unknown, at: number, acceptsBooleans: boolean): OperationValue | string {
  if (typeof input === 'number') return Number.isFinite(input) ? input : `input ${show(input)} is not a finite number`;
  if (typeof input !== 'string') return `input ${show(input)} is neither a step id nor a number`;
  const position = ctx.positions.get(input);
  if (position === undefined) return `input ${show(input)} refers to no step`;
  if (position >= at) return `input ${show(input)} is a forward reference (step ${position + 1}); inputs must be earlier steps`;
  const value = stepValue(ctx.trace[position] as TraceStep);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean' && acceptsBooleans) return value;
  return `input ${show(input)} is not a numeric step`;
}

const format = (value: OperationValue): string =>
  typeof value === 'number' && !Number.isInteger(value) ? String(Number(value.toPrecision(10))) : String(value);

function checkCompute(ctx: TraceContext, step: ComputeLogicStep, at: number): void {
  const name = step.operation;
  const operation = typeof name === 'string' && Object.hasOwn(operations, name) ? operations[name] : undefined;
  if (!operation) {
    fail(ctx, 'unknown_operation', step, `operation ${show(name)} is not allowed (allowed: ${Object.keys(operations).join(', ')})`);
    return;
  }
  const inputs: unknown[] = Array.isArray(step.inputs) ? step.inputs : [];
  const values = inputs.map((input) => inputValue(ctx, input, at, operation.acceptsBooleans === true));
  const problems = values.filter((v): v is string => typeof v === 'string');
  if (inputs.length < operation.minInputs || inputs.length > operation.maxInputs) {
    const arity = operation.minInputs === operation.maxInputs ? `${operation.minInputs}` : `at least ${operation.minInputs}`;
    problems.push(`${name} takes ${arity} input(s), got ${inputs.length}`);
  }
  if (problems.length > 0) {
    fail(ctx, 'bad_input', step, problems.join('; '));
    return;
  }
  const numbers = values as OperationValue[];
  const exact = operation.apply(numbers);
  const claimed: unknown = step.result;
  // Formatted only for a message: most steps pass, and formatting costs more than checking.
  const call = (): string => `${name}(${numbers.map(format).join(', ')})`;
  if (exact === undefined) fail(ctx, 'recompute', step, `${call()} is undefined (division or mod by zero, or a bad decimals input)`);
  else if (typeof claimed !== 'number' && typeof claimed !== 'boolean') fail(ctx, 'recompute', step, `result ${show(claimed)} is not a number or boolean`);
  else if (!resultMatches(claimed, exact)) fail(ctx, 'recompute', step, `${call()} = ${format(exact)}, not ${show(claimed)}`);
}

/** True when the citation checks out; records an error naming what is wrong otherwise. */
function checkExtract(ctx: TraceContext, step: ExtractFactStep): boolean {
  const target: unknown = step.targetEntity;
  const given = typeof target === 'string' ? target.trim() : '';
  const canonical = ctx.prepared.roster.get(given.toLowerCase());
  if (!canonical) {
    const aliasOf = ctx.names.get(given.toLowerCase());
    const hint = aliasOf ? `; it is an alias of ${show(aliasOf)}, use the roster name` : '';
    fail(ctx, 'unknown_entity', step, `targetEntity ${show(target)} is not in the entity roster${hint}`);
  }
  const source: unknown = step.source;
  const text = typeof source === 'string' ? ctx.prepared.paragraphs.cite(source)?.text : undefined;
  if (text === undefined) {
    fail(ctx, 'citation_unknown_paragraph', step, `source ${show(source)} is not a paragraph of the document (it has ${ctx.prepared.paragraphs.size})`);
    return false;
  }
  const entity = canonical ?? ctx.names.get(given.toLowerCase()) ?? given;
  const value: unknown = step.valueExtracted;
  const problems: string[] = [];
  if (!textMentionsEntity(text, entity, ctx.aliases[entity])) problems.push(`does not mention ${show(entity)} or an alias`);
  if ((typeof value !== 'string' && typeof value !== 'number') || !textStatesValue(text, value)) problems.push(`does not state ${show(value)}`);
  if (problems.length === 0) return true;
  fail(ctx, 'citation', step, `${String(source)} ${problems.join(' and ')}`);
  return false;
}

export function validateTrace(challenge: Challenge, trace: TraceStep[], options: TraceOptions = {}): TraceReport {
  const prepared = prepareChallenge(challenge);
  const aliases = mergedAliases(prepared, options.aliases);
  const ctx: TraceContext = { prepared, aliases, names: aliasIndex(prepared, aliases), trace, positions: new Map(), errors: [] };
  checkShape(ctx, challenge);
  checkIds(ctx);
  let extracts = 0;
  let cited = 0;
  trace.forEach((step, at) => {
    if (isCompute(step)) checkCompute(ctx, step, at);
    else if (isExtract(step)) {
      extracts += 1;
      if (checkExtract(ctx, step)) cited += 1;
    }
  });
  const citationRate = extracts === 0 ? 0 : cited / extracts;
  const target = challenge.traceSubmission.citationTargetRate;
  if (extracts > 0 && citationRate < target) {
    fail(ctx, 'citation_rate', undefined, `${cited} of ${extracts} citations check out (${Math.round(citationRate * 100)}%); at least ${Math.round(target * 100)}% must`);
  }
  return { valid: ctx.errors.length === 0, errors: ctx.errors, citationRate, stepCount: trace.length };
}
