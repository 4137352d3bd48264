/**
 * The student's payment guard: an x402 `PaymentPolicy` that keeps only the 402 terms equal to
 * the card's (scheme, network, asset and its EIP-712 domain, payTo, amount). Whatever the
 * server asks for, nothing else is ever signed; the first refusal is kept so the caller can
 * throw a MinerError that names the difference.
 */
import type { PaymentPolicy, PaymentRequirements } from '@x402/fetch';
import { isAddressEqual, type Address } from 'viem';
import { MinerError } from '../../errors.js';
import type { EvaluatorCard } from '../protocol/card.js';

function sameAddress(a: string, b: string): boolean {
  try {
    return isAddressEqual(a as Address, b as Address);
  } catch {
    return false;
  }
}

/** What differs between the 402 terms and the card's, as "field: asked X, card says Y". */
export function termDifferences(card: EvaluatorCard, asked: PaymentRequirements): string[] {
  const t = card.terms;
  const diffs: string[] = [];
  const differ = (field: string, got: unknown, want: unknown): void => {
    diffs.push(`${field}: asked ${JSON.stringify(got)}, card says ${JSON.stringify(want)}`);
  };
  if (asked.scheme !== t.scheme) differ('scheme', asked.scheme, t.scheme);
  if (asked.network !== t.network) differ('network', asked.network, t.network);
  if (!sameAddress(asked.asset, t.asset)) differ('asset', asked.asset, t.asset);
  if (!sameAddress(asked.payTo, t.payTo)) differ('payTo', asked.payTo, t.payTo);
  if (String(asked.amount) !== t.amount) differ('amount', asked.amount, t.amount);
  if (asked.extra?.name !== t.assetName) differ('extra.name', asked.extra?.name, t.assetName);
  if (asked.extra?.version !== t.assetVersion) differ('extra.version', asked.extra?.version, t.assetVersion);
  return diffs;
}

export interface PinnedPolicy {
  policy: PaymentPolicy;
  /** Set when the policy refused every offered term. */
  refusal(): MinerError | undefined;
}

export function pinToCard(card: EvaluatorCard): PinnedPolicy {
  let refusal: MinerError | undefined;
  const policy: PaymentPolicy = (_version, requirements) => {
    const kept = requirements.filter((r) => termDifferences(card, r).length === 0);
    if (kept.length === 0) {
      const first = requirements[0];
      refusal = new MinerError('GUARD_REFUSED', `Refused to pay ${card.card.name}: its payment terms differ from its card.`, {
        details: first ? termDifferences(card, first).join('; ') : 'the 402 offered no terms',
        hint: 'Nothing was signed. Re-discover the card if the evaluator changed its price, or stop using this evaluator.',
      });
    }
    return kept;
  };
  return { policy, refusal: () => refusal };
}
