/**
 * The constraint auditor: runs the local checker's constraint rules on the artifact and names
 * each failing constraint (its 1-based number, kind, what it expected and what it found). The
 * inputs of the constraints come from the attempt itself (its answers and extracted facts), as
 * in the miner's local check: this audits the artifact against the attempt's own reasoning.
 */
import { checkSolution } from '../../../verify/check.js';
import type { ConstraintResult } from '../../../verify/types.js';
import type { RubricItem } from '../../protocol/feedback.js';
import type { Assessment, EvaluationInput } from '../types.js';
import { summarise } from './summary.js';

function rubricItem(result: ConstraintResult): RubricItem {
  const expected = result.expected === undefined ? '' : ` (expected ${JSON.stringify(result.expected)})`;
  return {
    criterion: `constraint ${result.index + 1} (${result.kind})`,
    status: result.status,
    detail: `${result.reason}${expected}`,
    constraintIndex: result.index,
  };
}

export async function auditConstraints(input: EvaluationInput): Promise<Assessment> {
  const report = checkSolution(input.challenge, input.solution);
  const rubric = report.constraints.filter((c) => c.kind !== 'tip').map(rubricItem);
  return summarise(rubric, 'constraints');
}
