/**
 * The citation and arithmetic auditors: both read the trace validator's report and keep the
 * errors in their scope, one rubric item per relevant step, naming the step id and the defect
 * ("paragraph_12 does not state 4036", "add(87, 10) = 97, not 98").
 */
import { isCompute, isExtract } from '../../../verify/facts.js';
import { validateTrace } from '../../../verify/trace.js';
import type { TraceError } from '../../../verify/types.js';
import type { TraceStep } from '../../../challenge/types.js';
import type { RubricItem } from '../../protocol/feedback.js';
import type { Assessment, EvaluationInput } from '../types.js';
import { summarise } from './summary.js';

const CITATION_RULES: ReadonlySet<string> = new Set(['citation', 'citation_unknown_paragraph', 'unknown_entity']);
const ARITHMETIC_RULES: ReadonlySet<string> = new Set(['recompute', 'bad_input', 'unknown_operation']);

function stepItems(trace: TraceStep[], errors: TraceError[], pick: (s: TraceStep) => boolean, label: (s: TraceStep) => string): RubricItem[] {
  return trace.filter(pick).map((step) => {
    const problems = errors.filter((e) => e.stepId === step.step_id);
    return {
      criterion: `step ${step.step_id} (${label(step)})`,
      status: problems.length > 0 ? 'fail' : 'pass',
      detail: problems.length > 0 ? problems.map((p) => p.message).join('; ') : 'checks out',
      stepId: step.step_id,
    };
  });
}

export async function auditCitations(input: EvaluationInput): Promise<Assessment> {
  const trace = input.solution.reasoningTrace;
  const report = validateTrace(input.challenge, trace);
  const errors = report.errors.filter((e) => CITATION_RULES.has(e.rule));
  const items = stepItems(trace, errors, isExtract, (s) => (isExtract(s) ? `${s.targetEntity} ${s.attribute} from ${s.source}` : s.action));
  if (items.length === 0) items.push({ criterion: 'citations', status: 'fail', detail: 'the trace has no extract_fact step to check' });
  return summarise(items, 'citations');
}

export async function auditArithmetic(input: EvaluationInput): Promise<Assessment> {
  const trace = input.solution.reasoningTrace;
  const report = validateTrace(input.challenge, trace);
  const errors = report.errors.filter((e) => ARITHMETIC_RULES.has(e.rule));
  const items = stepItems(trace, errors, isCompute, (s) => (isCompute(s) ? String(s.operation) : s.action));
  if (items.length === 0) items.push({ criterion: 'computations', status: 'fail', detail: 'the trace has no compute_logic step to check' });
  return summarise(items, 'computations');
}
