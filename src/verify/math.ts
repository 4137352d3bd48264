/**
 * The arithmetic the checker, the solver and the coordinator share: primes, the constraint
 * "mod term" and the `compute_logic` operation table the trace is recomputed with.
 */

/** True for integers ≥ 2 that have no divisor other than 1 and themselves. */
export function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/**
 * The smallest prime ≥ x (protocol §7.3: when x is already prime it is its own answer).
 * NaN for a non-finite x, which would otherwise never terminate.
 */
export function nextPrime(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  let n = Math.max(2, Math.ceil(x));
  while (!isPrime(n)) n += 1;
  return n;
}

/**
 * `(value mod M) + O`. The remainder is taken non-negative (mathematical mod) so that a
 * negative value (a decline, a negative delta) still yields a term in [O, M + O).
 */
export function modTerm(value: number, modulus: number, offset: number): number {
  return positiveMod(value, modulus) + offset;
}

function positiveMod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

/**
 * Rounds half away from zero to `decimals` places. `toPrecision(15)` first removes binary
 * artefacts (1.005 * 100 = 100.49999…), so the decimal a person writes is what rounds.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

/** How many decimals a number shows when written the shortest way (`0.75` → 2, `1e-7` → 7). */
export function decimalsShown(value: number): number {
  const [mantissa = '', exponent] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

export type OperationValue = number | boolean;

export interface Operation {
  minInputs: number;
  maxInputs: number;
  /** Only `count` takes comparison results; every other operation needs numeric inputs. */
  acceptsBooleans?: boolean;
  /** Returns `undefined` when the inputs make the operation meaningless (x / 0, mod 0). */
  apply(inputs: readonly OperationValue[]): OperationValue | undefined;
}

type NumericFn = (xs: number[]) => OperationValue | undefined;
/** Numeric operations see numbers only (the trace checker refuses boolean inputs for them). */
const numeric = (fn: NumericFn) => (xs: readonly OperationValue[]) => fn(xs.map(Number));

const ANY = Number.POSITIVE_INFINITY;
const total = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const finite = (x: number): number | undefined => (Number.isFinite(x) ? x : undefined);
const quotient = ([a = NaN, b = NaN]: number[]): number | undefined => (b === 0 ? undefined : finite(a / b));
const rounding: NumericFn = ([x = NaN, d = 0]) => (Number.isInteger(d) && d >= 0 ? roundTo(x, d) : undefined);

/**
 * The `compute_logic` operations of protocol §8: name → arity and function. `count` counts its
 * inputs, except comparison results that are `false` (so "how many declined" = count of
 * compare_less_than steps).
 */
export const operations: Readonly<Record<string, Operation>> = {
  add: { minInputs: 2, maxInputs: ANY, apply: numeric(total) },
  sum: { minInputs: 1, maxInputs: ANY, apply: numeric(total) },
  subtract: { minInputs: 2, maxInputs: 2, apply: numeric(([a = NaN, b = NaN]) => a - b) },
  multiply: { minInputs: 2, maxInputs: ANY, apply: numeric((xs) => xs.reduce((a, b) => a * b, 1)) },
  divide: { minInputs: 2, maxInputs: 2, apply: numeric(quotient) },
  ratio: { minInputs: 2, maxInputs: 2, apply: numeric(quotient) },
  mod: { minInputs: 2, maxInputs: 2, apply: numeric(([a = NaN, m = NaN]) => (m === 0 ? undefined : positiveMod(a, m))) },
  max: { minInputs: 1, maxInputs: ANY, apply: numeric((xs) => Math.max(...xs)) },
  min: { minInputs: 1, maxInputs: ANY, apply: numeric((xs) => Math.min(...xs)) },
  average: { minInputs: 1, maxInputs: ANY, apply: numeric((xs) => total(xs) / xs.length) },
  next_prime: { minInputs: 1, maxInputs: 1, apply: numeric(([x = NaN]) => nextPrime(x)) },
  round: { minInputs: 1, maxInputs: 2, apply: numeric(rounding) },
  round_nearest: { minInputs: 1, maxInputs: 2, apply: numeric(rounding) },
  abs_diff: { minInputs: 2, maxInputs: 2, apply: numeric(([a = NaN, b = NaN]) => Math.abs(a - b)) },
  count: { minInputs: 0, maxInputs: ANY, acceptsBooleans: true, apply: (xs) => xs.filter((x) => x !== false).length },
  compare_equal: { minInputs: 2, maxInputs: 2, apply: numeric(([a = NaN, b = NaN]) => a === b) },
  compare_greater_than: { minInputs: 2, maxInputs: 2, apply: numeric(([a = NaN, b = NaN]) => a > b) },
  compare_less_than: { minInputs: 2, maxInputs: 2, apply: numeric(([a = NaN, b = NaN]) => a < b) },
};

/**
 * The recomputation rule (briefing, trace conventions): a claimed result is accepted when it
 * equals the exact value rounded to the decimals the claim shows (`0.75` for 0.7516…).
 */
export function resultMatches(claimed: OperationValue, exact: OperationValue): boolean {
  if (typeof exact === 'boolean' || typeof claimed === 'boolean') return claimed === exact;
  const rounded = roundTo(exact, decimalsShown(claimed));
  return Math.abs(rounded - claimed) <= 1e-9 * Math.max(1, Math.abs(claimed));
}
