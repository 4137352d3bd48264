/**
 * Ledger records of the market (the `evaluation` kind): one when an evaluation is bought or
 * fails, one when mining reveals its outcome. The request is stored without the challenge
 * payload (the ledger's `challenge` record already holds it, content-addressed).
 */
import type { Ledger, LedgerRecord } from '../../ledger/index.js';
import { isMinerError } from '../../errors.js';
import type { EvaluatorCard } from '../protocol/card.js';
import type { FeedbackRequest } from '../protocol/feedback.js';
import type { EvaluationResult } from './request.js';
import type { Outcome } from './reputation-score.js';

function requestSummary(card: EvaluatorCard, request: FeedbackRequest): Record<string, unknown> {
  return {
    evaluator: card.id,
    url: card.url,
    endpoint: card.terms.endpoint,
    price: card.terms.price,
    challengeId: request.challengeId,
    attempt: request.attempt,
    domain: request.domain,
    prompt: request.task.prompt,
    outputSha256: request.outputSha256,
  };
}

/** Records a bought evaluation (feedback + settlement receipt) or a failed one (the error). */
export function recordEvaluation(
  ledger: Ledger,
  entry: { card: EvaluatorCard; request: FeedbackRequest; result?: EvaluationResult; error?: unknown },
): Promise<LedgerRecord> {
  const { card, request, result, error } = entry;
  return ledger.append({
    kind: 'evaluation',
    challengeId: request.challengeId,
    ...(result ? { evaluationId: result.feedback.evaluationId } : {}),
    request: requestSummary(card, request),
    ...(result ? { feedback: result.feedback, payment: result.receipt, outcome: 'paid' } : {}),
    ...(error !== undefined
      ? { outcome: isMinerError(error) ? `failed:${error.code}` : 'failed', payment: { error: isMinerError(error) ? error.toJSON() : String(error) } }
      : {}),
  });
}

/** Records what happened after the feedback (the same facts `recordOutcome` learns from). */
export function recordEvaluationOutcome(ledger: Ledger, entry: { evaluationId: string; challengeId: string; evaluatorId: string; outcome: Outcome }): Promise<LedgerRecord> {
  return ledger.append({
    kind: 'evaluation',
    evaluationId: entry.evaluationId,
    challengeId: entry.challengeId,
    request: { evaluator: entry.evaluatorId },
    outcome: entry.outcome.nextAttemptPassed === undefined ? 'judged' : entry.outcome.nextAttemptPassed ? 'next_attempt_passed' : 'next_attempt_failed',
    feedback: entry.outcome,
  });
}
