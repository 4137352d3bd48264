import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodePaymentRequiredHeader } from '@x402/core/http';
import { generatePrivateKey } from 'viem/accounts';
import { createInProcessFacilitator } from '../../../src/market/facilitator/in-process.js';
import { CARD_PATH, X402_EXTENSION_URI } from '../../../src/market/protocol/card.js';
import { requestEvaluation } from '../../../src/market/student/request.js';
import { localAccount } from '../../../src/sandbox/chain/clients.js';
import { createProvider } from '../../../src/solver/providers/create-provider.js';
import { openAiCompletion, startModelApiStandIn, type ScriptedServer } from '../../support/model-api-stand-in.js';
import { feedbackRequest, referenceAttempt, startMarket, type Market } from '../market-fixture.js';
import { rejection } from '../../support/rejection.js';

let market: Market;
const attempt = referenceAttempt(7n);

beforeAll(async () => {
  market = await startMarket();
});

afterAll(async () => {
  await market?.stop();
});

describe('evaluator card and free routes', () => {
  it('serves an A2A v1.0 card with the x402 terms in the extension params only', async () => {
    const evaluator = await market.evaluator('citation-auditor');
    const card = (await (await fetch(`${evaluator.url}${CARD_PATH}`)).json()) as Record<string, unknown>;
    for (const field of ['name', 'description', 'supportedInterfaces', 'version', 'capabilities', 'defaultInputModes', 'defaultOutputModes', 'skills']) {
      expect(card).toHaveProperty(field);
    }
    expect(card).not.toHaveProperty('price');
    expect(card).not.toHaveProperty('payTo');
    const extension = (card.capabilities as { extensions: Array<{ uri: string; params: Record<string, unknown> }> }).extensions.find((e) => e.uri === X402_EXTENSION_URI);
    expect(extension?.params).toMatchObject({
      scheme: 'exact',
      network: market.network,
      asset: market.usdc.address,
      price: '0.001',
      amount: '1000',
      payTo: market.payee,
      endpoint: `${evaluator.url}/evaluate`,
      feedbackVersion: 'botcoin-feedback/1',
      kind: 'citation-auditor',
    });
    const tags = (card.skills as Array<{ tags: string[] }>).flatMap((s) => s.tags);
    expect(tags).toEqual(expect.arrayContaining(['citation-audit', 'companies', 'quantum_physics']));
  });

  it('answers /healthz for free and an unpaid /evaluate with 402 terms equal to the card', async () => {
    const evaluator = await market.evaluator('constraint-auditor');
    expect(await (await fetch(`${evaluator.url}/healthz`)).json()).toMatchObject({ ok: true, kind: 'constraint-auditor' });
    const unpaid = await fetch(evaluator.card.terms.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(feedbackRequest(attempt)) });
    expect(unpaid.status).toBe(402);
    const required = decodePaymentRequiredHeader(unpaid.headers.get('payment-required') ?? '');
    expect(required.accepts[0]).toMatchObject({
      scheme: 'exact',
      network: market.network,
      asset: market.usdc.address,
      amount: '1000',
      payTo: market.payee,
      extra: { name: 'USD Coin', version: '2' },
    });
  });

  it('does not charge for a request it rejects (400: output digest mismatch)', async () => {
    const evaluator = await market.evaluator('constraint-auditor');
    const before = await market.balanceOf(market.student.address);
    // Bypass the student's own digest check to see the server refuse it.
    const tampered = { ...feedbackRequest(attempt), outputSha256: '0'.repeat(64) };
    const { wrapFetchWithPayment, x402Client } = await import('@x402/fetch');
    const { ExactEvmScheme } = await import('@x402/evm/exact/client');
    const pay = wrapFetchWithPayment(fetch, x402Client.fromConfig({ schemes: [{ network: market.network, client: new ExactEvmScheme(market.student) }], spendControls: false }));
    const response = await pay(evaluator.card.terms.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tampered) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    expect(await market.balanceOf(market.student.address)).toBe(before);
  });
});

describe('settlement failure', () => {
  it('reports a failed settlement, charges nothing and keeps serving', async () => {
    // A gas payer with no ETH: verification (a read) passes, the settlement transaction cannot be sent.
    const broke = createInProcessFacilitator({ rpcUrl: market.anvil.rpcUrl, chainId: market.anvil.chainId, gasPayer: localAccount(generatePrivateKey()) });
    const evaluator = await market.evaluator('arithmetic-auditor', { facilitator: broke });
    const before = await market.balanceOf(market.student.address);
    const error = await rejection(requestEvaluation(evaluator.card, feedbackRequest(attempt), { account: market.student, budget: market.budget() }));
    expect(error.shortMessage).toMatch(/did not settle the payment/);
    expect(error.details).toMatch(/settlement_failed/);
    expect(await market.balanceOf(market.student.address)).toBe(before);
    expect(evaluator.events.some((e) => e.type === 'settlement_failed')).toBe(true);
    expect((await fetch(`${evaluator.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${evaluator.url}${CARD_PATH}`)).status).toBe(200);
  });
});

describe('critic', () => {
  let api: ScriptedServer;

  beforeEach(async () => {
    api = await startModelApiStandIn();
  });

  afterEach(async () => {
    await api.close();
  });

  const provider = () => createProvider({ provider: 'openai', baseUrl: `${api.url}/v1`, apiKey: 'sk-standin-critic', model: 'gpt-4o-mini', retry: { maxAttempts: 1 } });

  it('asks the model with the rubric and returns its validated findings, signed and paid', async () => {
    const stepId = attempt.solution.reasoningTrace[0]?.step_id ?? 'e1';
    api.reply(
      openAiCompletion({
        text: JSON.stringify({
          verdict: 'fail',
          reward: 0.4,
          confidence: 0.7,
          critique: 'Step uses the preliminary figure; paragraph 40 confirms a revised one.',
          findings: [{ kind: 'superseded_value', stepId, detail: 'preliminary 4,036 superseded by confirmed 4,120' }],
        }),
      }),
    );
    const evaluator = await market.evaluator('critic', { provider: provider() });
    const before = await market.balanceOf(market.student.address);
    const result = await requestEvaluation(evaluator.card, feedbackRequest(attempt), { account: market.student, budget: market.budget() });
    expect(result.feedback).toMatchObject({ verdict: 'fail', reward: 0.4, confidence: 0.7 });
    expect(result.feedback.rubric).toEqual([{ criterion: 'superseded_value', status: 'fail', detail: 'preliminary 4,036 superseded by confirmed 4,120', stepId }]);
    expect(await market.balanceOf(market.student.address)).toBe(before - 1000n);
    const sent = api.requests[0]?.json as { messages: Array<{ role: string; content: string }> };
    expect(sent.messages[0]?.content).toMatch(/Superseded values/);
    expect(sent.messages.at(-1)?.content).toContain(attempt.challenge.entities[0]);
  });

  it('fails the evaluation (502, not charged) when the model answers no valid verdict', async () => {
    api.reply(openAiCompletion({ text: 'I think it looks fine overall.' }));
    const evaluator = await market.evaluator('critic', { provider: provider() });
    const before = await market.balanceOf(market.student.address);
    const error = await rejection(requestEvaluation(evaluator.card, feedbackRequest(attempt), { account: market.student, budget: market.budget() }));
    expect(error.shortMessage).toMatch(/HTTP 502/);
    expect(await market.balanceOf(market.student.address)).toBe(before);
  });
});
