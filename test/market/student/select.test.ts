import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { evaluatorIdOf, type EvaluatorCard, type EvaluatorKind } from '../../../src/market/protocol/card.js';
import { applyOutcome, emptyStats, posterior, type ReputationStats } from '../../../src/market/student/reputation-score.js';
import { selectEvaluators } from '../../../src/market/student/select.js';

const USDC = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as Address;
const NETWORK = 'eip155:31337';

function card(n: number, options: { kind?: EvaluatorKind; amount?: string; tags?: string[]; network?: string; asset?: Address } = {}): EvaluatorCard {
  const signer = `0x${n.toString(16).padStart(40, '0')}` as Address;
  const terms = {
    scheme: 'exact' as const,
    network: options.network ?? NETWORK,
    asset: options.asset ?? USDC,
    assetName: 'USD Coin',
    assetVersion: '2',
    decimals: 6,
    price: String(Number(options.amount ?? '1000') / 1e6),
    amount: options.amount ?? '1000',
    payTo: signer,
    endpoint: `http://127.0.0.1:${4000 + n}/evaluate`,
    feedbackVersion: 'botcoin-feedback/1',
    kind: options.kind ?? 'constraint-auditor',
    signer,
  };
  return { url: `http://127.0.0.1:${4000 + n}`, card: {} as EvaluatorCard['card'], terms, id: evaluatorIdOf(terms), tags: options.tags ?? ['constraint-audit', 'companies'] };
}

function history(outcomes: Array<Parameters<typeof applyOutcome>[1]>): ReputationStats {
  return outcomes.reduce((stats, o) => applyOutcome(stats, o), emptyStats());
}

const base = { domain: 'companies', network: NETWORK, asset: USDC, maxPrice: '0.002', count: 10, reputation: {} };

describe('selectEvaluators', () => {
  it('keeps only cards for the domain, network, asset and under the price cap', () => {
    const cards = [
      card(1),
      card(2, { tags: ['constraint-audit', 'quantum_physics'] }),
      card(3, { network: 'eip155:8453' }),
      card(4, { asset: '0x0000000000000000000000000000000000000001' }),
      card(5, { amount: '3000' }),
      card(6, { amount: '2000' }),
    ];
    expect(selectEvaluators(cards, base).map((r) => r.card.url).sort()).toEqual([cards[0]!.url, cards[5]!.url]);
  });

  it('ranks by earned usefulness per dollar: a proven evaluator beats a poor one at the same price', () => {
    const good = card(1);
    const poor = card(2);
    const reputation = {
      [good.id]: history(Array.from({ length: 20 }, () => ({ nextAttemptPassed: true, feedbackVerdict: 'fail' as const, coordinatorVerdict: 'fail' as const, confidence: 0.9 }))),
      [poor.id]: history(Array.from({ length: 20 }, () => ({ nextAttemptPassed: false, feedbackVerdict: 'pass' as const, coordinatorVerdict: 'fail' as const, confidence: 0.9 }))),
    };
    expect(selectEvaluators([poor, good], { ...base, reputation }).map((r) => r.card.id)).toEqual([good.id, poor.id]);
  });

  it('halves the score of an evaluator that costs twice as much', () => {
    const [cheap, dear] = selectEvaluators([card(1), card(2, { amount: '2000' })], base);
    expect(cheap?.score).toBeCloseTo((dear?.score ?? 0) * 2, 9);
  });

  it('gives a newcomer an exploration bonus over a mediocre veteran', () => {
    const veteran = card(1);
    const newcomer = card(2);
    const mediocre = history(Array.from({ length: 40 }, (_, i) => ({ nextAttemptPassed: i % 2 === 0 || i < 4, feedbackVerdict: 'fail' as const, coordinatorVerdict: i % 2 === 0 ? ('fail' as const) : ('pass' as const), confidence: 0.5 })));
    const ranked = selectEvaluators([veteran, newcomer], { ...base, reputation: { [veteran.id]: mediocre } });
    expect(ranked[0]?.card.id).toBe(newcomer.id);
    expect(ranked[0]!.posterior.uncertainty).toBeGreaterThan(ranked[1]!.posterior.uncertainty);
    // Without exploration the veteran's slightly better known record wins.
    expect(selectEvaluators([veteran, newcomer], { ...base, reputation: { [veteran.id]: mediocre }, exploration: 0 }).map((r) => r.card.id)).toEqual([veteran.id, newcomer.id]);
  });

  it('breaks ties deterministically from the seed', () => {
    const cards = Array.from({ length: 6 }, (_, i) => card(i + 1));
    const order = (seed: number) => selectEvaluators(cards, { ...base, seed }).map((r) => r.card.id);
    expect(order(3)).toEqual(order(3));
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => order(seed).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('counts an unsure verdict for neither accuracy nor calibration', () => {
    const stats = applyOutcome(emptyStats(), { feedbackVerdict: 'unsure', confidence: 0.9, coordinatorVerdict: 'pass', nextAttemptPassed: true });
    expect(stats).toMatchObject({ consults: 1, helped: 1, correct: 0, wrong: 0, brierCount: 0 });
    expect(posterior(stats).helpedMean).toBeCloseTo(2 / 3, 9);
  });

  it('rewards calibrated confidence: right-and-sure beats right-and-hesitant', () => {
    const sure = history([{ feedbackVerdict: 'fail', coordinatorVerdict: 'fail', confidence: 0.95 }]);
    const hesitant = history([{ feedbackVerdict: 'fail', coordinatorVerdict: 'fail', confidence: 0.55 }]);
    expect(posterior(sure).calibration).toBeGreaterThan(posterior(hesitant).calibration);
  });
});
