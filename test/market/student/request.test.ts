import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAccount } from 'viem';
import { verifyFeedbackSignature } from '../../../src/market/protocol/signature.js';
import { spending } from '../../../src/market/student/budget.js';
import { requestEvaluation } from '../../../src/market/student/request.js';
import { feedbackRequest, referenceAttempt, startMarket, type Attempt, type Market } from '../market-fixture.js';
import { rejection } from '../../support/rejection.js';

let market: Market;
let attempt: Attempt;

beforeAll(async () => {
  market = await startMarket();
  attempt = referenceAttempt();
});

afterAll(async () => {
  await market?.stop();
});

/** The student's account, counting every EIP-712 signature it produces. */
function countingStudent(): { account: LocalAccount; signatures: () => number } {
  let count = 0;
  const account: LocalAccount = {
    ...market.student,
    signTypedData: async (args) => {
      count += 1;
      return market.student.signTypedData(args as Parameters<LocalAccount['signTypedData']>[0]);
    },
  };
  return { account, signatures: () => count };
}

describe('requestEvaluation', () => {
  it('moves exactly the card price from the student to the payee and returns signed feedback', async () => {
    const evaluator = await market.evaluator('constraint-auditor');
    const studentBefore = await market.balanceOf(market.student.address);
    const payeeBefore = await market.balanceOf(market.payee);
    const result = await requestEvaluation(evaluator.card, feedbackRequest(attempt), { account: market.student, budget: market.budget() });
    const price = BigInt(evaluator.card.terms.amount);
    expect(price).toBe(1000n);
    expect(await market.balanceOf(market.student.address)).toBe(studentBefore - price);
    expect(await market.balanceOf(market.payee)).toBe(payeeBefore + price);
    expect(result.receipt.success).toBe(true);
    expect(result.receipt.transaction).toMatch(/^0x[0-9a-f]{64}$/);
    const tx = await market.owner.publicClient.getTransactionReceipt({ hash: result.receipt.transaction });
    expect(tx.status).toBe('success');
    expect(result.receipt.payer.toLowerCase()).toBe(market.student.address.toLowerCase());
    expect(result.feedback.payment.amount).toBe('1000');
    expect(result.feedback.verdict).toBe('pass');
    expect(await verifyFeedbackSignature(result.feedback, evaluator.card.terms.signer)).toBe(true);
    // A single changed byte breaks it: the signature binds the whole feedback.
    expect(await verifyFeedbackSignature({ ...result.feedback, reward: 0.5 }, evaluator.card.terms.signer)).toBe(false);
    expect(await verifyFeedbackSignature(result.feedback, market.payee)).toBe(false);
  });

  it('does not charge for a failed evaluation (500): balance and settlement count unchanged', async () => {
    const evaluator = await market.evaluator('critic', {
      provider: {
        provider: 'openai',
        model: 'broken-model',
        complete: async () => {
          throw new Error('model crashed');
        },
        close: async () => undefined,
      },
    });
    const budget = market.budget();
    const spentBefore = (await spending(budget, attempt.challenge.challengeId)).challenge;
    const before = await market.balanceOf(market.student.address);
    const txCount = await market.settlementTxCount();
    const error = await rejection(requestEvaluation(evaluator.card, feedbackRequest(attempt), { account: market.student, budget }));
    expect(error.code).toBe('NETWORK');
    expect(error.shortMessage).toMatch(/HTTP 500/);
    expect(await market.balanceOf(market.student.address)).toBe(before);
    expect(await market.settlementTxCount()).toBe(txCount);
    expect(evaluator.events.some((e) => e.type === 'evaluation_failed')).toBe(true);
    // The reservation was released: nothing more counts against the budget.
    expect((await spending(budget, attempt.challenge.challengeId)).challenge).toBe(spentBefore);
  });

  it('refuses a replayed PAYMENT-SIGNATURE', async () => {
    const evaluator = await market.evaluator('arithmetic-auditor');
    let header: string | undefined;
    const recordingFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      header ??= request.headers.get('payment-signature') ?? undefined;
      return fetch(request);
    };
    const request = feedbackRequest(attempt);
    await requestEvaluation(evaluator.card, request, { account: market.student, budget: market.budget(), fetch: recordingFetch });
    expect(header).toBeDefined();
    const before = await market.balanceOf(market.student.address);
    const replay = await fetch(evaluator.card.terms.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'payment-signature': header as string },
      body: JSON.stringify(request),
    });
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ error: 'payment_replayed' });
    // A fresh evaluator process (no memory of the nonce) is protected by the chain: the nonce is used.
    const fresh = await market.evaluator('arithmetic-auditor');
    const replayElsewhere = await fetch(fresh.card.terms.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'payment-signature': header as string },
      body: JSON.stringify(request),
    });
    expect(replayElsewhere.status).toBe(402);
    expect(await market.balanceOf(market.student.address)).toBe(before);
  });

  it('refuses a 402 whose price differs from the card before signing anything', async () => {
    const evaluator = await market.evaluator('constraint-auditor', { price: '0.002' });
    // The card the student holds says 0.001: the server now asks for twice that.
    const staleCard = { ...evaluator.card, terms: { ...evaluator.card.terms, price: '0.001', amount: '1000' } };
    const { account, signatures } = countingStudent();
    const before = await market.balanceOf(market.student.address);
    const budget = market.budget();
    const spentBefore = (await spending(budget, attempt.challenge.challengeId)).challenge;
    const error = await rejection(requestEvaluation(staleCard, feedbackRequest(attempt), { account, budget }));
    expect(error.code).toBe('GUARD_REFUSED');
    expect(error.details).toMatch(/amount: asked "2000", card says "1000"/);
    expect(signatures()).toBe(0);
    expect(await market.balanceOf(market.student.address)).toBe(before);
    expect((await spending(budget, attempt.challenge.challengeId)).challenge).toBe(spentBefore);
  });

  it('refuses a 402 that pays someone other than the card says, before signing', async () => {
    const evaluator = await market.evaluator('constraint-auditor');
    const forged = { ...evaluator.card, terms: { ...evaluator.card.terms, payTo: market.student.address } };
    const { account, signatures } = countingStudent();
    const error = await rejection(requestEvaluation(forged, feedbackRequest(attempt), { account, budget: market.budget() }));
    expect(error.code).toBe('GUARD_REFUSED');
    expect(error.details).toMatch(/payTo/);
    expect(signatures()).toBe(0);
  });

  it('stops paying with CAP_REACHED (exit code 7) once the per-challenge budget is spent', async () => {
    const evaluator = await market.evaluator('citation-auditor');
    const budget = market.budget({ perChallenge: '0.002' });
    const request = feedbackRequest(referenceAttempt(11n));
    const { account, signatures } = countingStudent();
    await requestEvaluation(evaluator.card, request, { account, budget });
    await requestEvaluation(evaluator.card, request, { account, budget });
    expect(signatures()).toBe(2);
    const before = await market.balanceOf(market.student.address);
    const error = await rejection(requestEvaluation(evaluator.card, request, { account, budget }));
    expect(error.code).toBe('CAP_REACHED');
    expect(error.exitCode).toBe(7);
    expect(signatures()).toBe(2);
    expect(await market.balanceOf(market.student.address)).toBe(before);
  });

  it('stops paying with CAP_REACHED when the daily budget is spent', async () => {
    const evaluator = await market.evaluator('citation-auditor');
    const budget = market.budget({ perDay: '0.0005' });
    const error = await rejection(requestEvaluation(evaluator.card, feedbackRequest(attempt), { account: market.student, budget }));
    expect(error.code).toBe('CAP_REACHED');
    expect(error.shortMessage).toMatch(/daily/);
  });

  it('settles ten evaluations in parallel without nonce collisions on the gas account', async () => {
    const evaluator = await market.evaluator('constraint-auditor');
    const before = await market.balanceOf(market.student.address);
    const payeeBefore = await market.balanceOf(market.payee);
    const txBefore = await market.settlementTxCount();
    const budget = market.budget();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => requestEvaluation(evaluator.card, feedbackRequest(attempt, attempt.solution, i + 1), { account: market.student, budget })),
    );
    const hashes = new Set(results.map((r) => r.receipt.transaction));
    expect(hashes.size).toBe(10);
    for (const hash of hashes) {
      const receipt = await market.owner.publicClient.getTransactionReceipt({ hash: hash as `0x${string}` });
      expect(receipt.status).toBe('success');
    }
    expect(await market.settlementTxCount()).toBe(txBefore + 10);
    expect(await market.balanceOf(market.student.address)).toBe(before - 10_000n);
    expect(await market.balanceOf(market.payee)).toBe(payeeBefore + 10_000n);
  });
});
