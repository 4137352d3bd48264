import type { RubricItem, Verdict } from '../../protocol/feedback.js';
import type { Assessment } from '../types.js';

/**
 * Turns a deterministic auditor's rubric into an assessment: `fail` when any item fails,
 * `unsure` when none fails but some could not be checked, else `pass`. The reward is the share
 * of passing items; confidence is the share of items that could be decided at all.
 */
export function summarise(rubric: RubricItem[], scope: string): Assessment {
  const failed = rubric.filter((r) => r.status === 'fail');
  const unchecked = rubric.filter((r) => r.status === 'unchecked');
  const total = rubric.length;
  const verdict: Verdict = failed.length > 0 ? 'fail' : unchecked.length > 0 ? 'unsure' : 'pass';
  const reward = total === 0 ? 0 : rubric.filter((r) => r.status === 'pass').length / total;
  const confidence = total === 0 ? 0 : (total - unchecked.length) / total;
  const lines =
    failed.length > 0
      ? failed.map((r) => `${r.criterion}: ${r.detail}`)
      : unchecked.length > 0
        ? unchecked.map((r) => `${r.criterion} could not be checked: ${r.detail}`)
        : [`all ${total} ${scope} check out`];
  const head = failed.length > 0 ? `${failed.length} of ${total} ${scope} fail` : undefined;
  return { verdict, reward, confidence, critique: [head, ...lines].filter(Boolean).join('\n'), rubric };
}
