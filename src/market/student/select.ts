/**
 * Selection: keep the cards that offer a skill for the challenge's domain, on an accepted
 * network and asset, at or under the price cap; rank by earned reputation per dollar with an
 * exploration bonus (reputation-score.ts). Ties (e.g. several newcomers at one price) are
 * broken by a seeded shuffle, so a run is reproducible given the seed.
 */
import { formatUnits, isAddressEqual, type Address } from 'viem';
import { Prng } from '../../util/prng.js';
import type { EvaluatorCard } from '../protocol/card.js';
import { posterior, type Posterior, type ReputationSnapshot } from './reputation-score.js';

export interface SelectionOptions {
  /** The challenge domain; a card qualifies when one of its skill tags equals it. */
  domain: string;
  /** Accepted CAIP-2 network. */
  network: string;
  /** Accepted asset address. */
  asset: Address;
  /** Per-evaluation price cap in USD, decimal string. */
  maxPrice: string;
  /** How many to return. */
  count: number;
  reputation: ReputationSnapshot;
  /** κ, the weight of the exploration bonus (default 1). */
  exploration?: number;
  /** Tie-break seed (default 0). */
  seed?: number;
  /** Only cards offering this skill tag as well (e.g. `citation-audit`). */
  skillTag?: string;
}

export interface RankedEvaluator {
  card: EvaluatorCard;
  priceUsd: number;
  posterior: Posterior;
  /** (quality + κ·uncertainty) / price. */
  score: number;
}

export function priceUsdOf(card: EvaluatorCard): number {
  return Number(formatUnits(BigInt(card.terms.amount), card.terms.decimals));
}

export function selectEvaluators(cards: readonly EvaluatorCard[], options: SelectionOptions): RankedEvaluator[] {
  const domain = options.domain.toLowerCase();
  const tag = options.skillTag?.toLowerCase();
  const cap = Number(options.maxPrice);
  const kappa = options.exploration ?? 1;
  const eligible = cards.filter(
    (card) =>
      card.tags.includes(domain) &&
      (tag === undefined || card.tags.includes(tag)) &&
      card.terms.network === options.network &&
      isAddressEqual(card.terms.asset, options.asset) &&
      priceUsdOf(card) <= cap,
  );
  const shuffled = Prng.fromNumber(options.seed ?? 0).shuffle(eligible);
  return shuffled
    .map((card) => {
      const p = posterior(options.reputation[card.id]);
      const priceUsd = priceUsdOf(card);
      return { card, priceUsd, posterior: p, score: (p.quality + kappa * p.uncertainty) / priceUsd };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, options.count));
}
