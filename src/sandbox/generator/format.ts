/**
 * Exact surface forms of generated values, on integers only (money in $ millions, decimals as
 * scaled integers), so the document never shows a float artefact or a year with a comma.
 */
import type { Prng } from '../../util/prng.js';
import type { DomainAttribute } from './library.js';

export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(n));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `raw` in units of 10^-decimals → fixed-point text ("12.5" for 125, 1). */
export function decimalString(raw: number, decimals: number): string {
  if (decimals === 0) return String(raw);
  const sign = raw < 0 ? '-' : '';
  const abs = Math.abs(raw);
  const scale = 10 ** decimals;
  const frac = String(abs % scale).padStart(decimals, '0');
  return `${sign}${Math.floor(abs / scale)}.${frac}`;
}

/** The value as the answer key holds it: a plain number (12.5) or the integer itself. */
export function keyNumber(raw: number, decimals: number): number {
  return decimals === 0 ? raw : Number(decimalString(raw, decimals));
}

/** $ millions as exact billions: 4036 → "4.036", 4030 → "4.03", 4000 → "4". */
function exactBillions(millions: number): string {
  return decimalString(millions, 3).replace(/\.?0+$/, '');
}

/** One exact surface form of a numeric value, chosen at random among the attribute's forms. */
export function formatExact(attr: DomainAttribute, raw: number, rng: Prng): string {
  if (attr.kind === 'year') return String(raw);
  const decimals = attr.decimals ?? 0;
  if (decimals > 0) {
    const text = decimalString(raw, decimals);
    return attr.unit === 'percent' ? (rng.chance(70) ? `${text}%` : `${text} percent`) : text;
  }
  if (attr.unit === 'percent') return rng.chance(70) ? `${raw}%` : `${raw} percent`;
  if (attr.unit === 'money') {
    const forms = [`$${groupThousands(raw)} million`, `$${groupThousands(raw)}M`, `${groupThousands(raw)}M`];
    if (raw >= 1000) forms.push(`$${exactBillions(raw)} billion`);
    return rng.pick(forms);
  }
  if (attr.unit === 'count' && raw >= 100 && rng.chance(12)) {
    return rng.pick([`approximately ${groupThousands(raw)}`, `just over ${raw}`, `about ${groupThousands(raw)}`]);
  }
  return raw >= 10000 && rng.chance(25) ? String(raw) : groupThousands(raw);
}

/** A relational delta ("$120 million", "1,250", "3.5 percentage points"), always positive. */
export function formatDelta(attr: DomainAttribute, delta: number): string {
  const abs = Math.abs(delta);
  if (attr.unit === 'money') return `$${groupThousands(abs)} million`;
  return groupThousands(abs);
}

/**
 * A lossy secondary mention ("$4.04 billion", "roughly 12,500") for memo recaps; never cited,
 * and only produced when it differs from every exact form.
 */
export function formatApprox(attr: DomainAttribute, raw: number): string | undefined {
  if ((attr.decimals ?? 0) > 0 || attr.kind === 'year') return undefined;
  if (attr.unit === 'money') {
    if (raw < 1000 || raw % 10 === 0) return undefined;
    const hundredths = Math.floor((raw + 5) / 10);
    return `$${decimalString(hundredths, 2)} billion`;
  }
  if (raw < 1000 || raw % 100 === 0) return undefined;
  return `roughly ${groupThousands(Math.floor((raw + 50) / 100) * 100)}`;
}
