import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src/ledger/index.js';
import { feedbackResponseSchema } from '../../../src/market/protocol/feedback.js';
import { verifyFeedbackSignature } from '../../../src/market/protocol/signature.js';
import { recordEvaluation, recordEvaluationOutcome } from '../../../src/market/student/record.js';
import { openReputation, recordOutcome, reputationTable } from '../../../src/market/student/reputation-store.js';
import { requestEvaluation } from '../../../src/market/student/request.js';
import { feedbackRequest, referenceAttempt, startMarket, type Market } from '../market-fixture.js';

let market: Market;

beforeAll(async () => {
  market = await startMarket();
});

afterAll(async () => {
  await market?.stop();
});

describe('recording evaluations', () => {
  it('stores the signed feedback and settlement receipt in the ledger, then the outcome, and updates reputation', async () => {
    const attempt = referenceAttempt(7n);
    const evaluator = await market.evaluator('constraint-auditor');
    const request = feedbackRequest(attempt);
    const result = await requestEvaluation(evaluator.card, request, { account: market.student, budget: market.budget() });
    const ledger = openLedger({ dir: market.dataDir, wallet: market.student.address });
    await recordEvaluation(ledger, { card: evaluator.card, request, result });
    const outcome = { feedbackVerdict: result.feedback.verdict ?? 'unsure', confidence: result.feedback.confidence, coordinatorVerdict: 'pass' as const, nextAttemptPassed: true };
    await recordEvaluationOutcome(ledger, { evaluationId: result.feedback.evaluationId, challengeId: request.challengeId, evaluatorId: evaluator.card.id, outcome });
    const store = openReputation({ wallet: market.student.address, dir: market.dataDir });
    await recordOutcome(store, evaluator.card.id, outcome);

    const records = await ledger.read({ kind: 'evaluation', challengeId: request.challengeId });
    expect(records.map((r) => (r as { outcome?: string }).outcome)).toEqual(['paid', 'next_attempt_passed']);
    const paid = records[0] as { feedback: unknown; payment: { transaction: string }; request: Record<string, unknown> };
    expect(paid.payment.transaction).toBe(result.receipt.transaction);
    expect(paid.request).toMatchObject({ evaluator: evaluator.card.id, outputSha256: request.outputSha256 });
    expect(paid.request).not.toHaveProperty('task');
    // What the ledger kept still proves what was paid for.
    expect(await verifyFeedbackSignature(feedbackResponseSchema.parse(paid.feedback), evaluator.card.terms.signer)).toBe(true);
    const [row] = await reputationTable(store);
    expect(row).toMatchObject({ evaluatorId: evaluator.card.id, stats: { consults: 1, helped: 1, correct: 1 } });
  });
});
