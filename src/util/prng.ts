/**
 * A small integer-only PRNG (xoshiro128**, seeded through splitmix32) so that generated
 * challenges and composed artifacts are byte-identical on every Node version: no Math.random,
 * no floating-point arithmetic on the path from seed to output.
 */

const MASK32 = 0xffffffffn;
const WARM_UP = 12;

function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return [next, (z ^ (z >>> 16)) >>> 0];
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export class Prng {
  private s: [number, number, number, number];

  private constructor(words: readonly number[]) {
    let mix: number = 0x2545f491;
    const state: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const [next, out]: [number, number] = splitmix32((mix ^ (words[i] ?? 0)) >>> 0);
      mix = (next ^ out) >>> 0;
      state.push(out);
    }
    if (!state.some((w) => w !== 0)) state[0] = 1;
    this.s = [state[0]!, state[1]!, state[2]!, state[3]!];
    // Warm up so every output depends on all four seed words.
    for (let i = 0; i < WARM_UP; i += 1) this.nextU32();
  }

  /** Seeds from a 128-bit (or smaller) non-negative integer. */
  static fromBigInt(seed: bigint): Prng {
    const words = [0, 1, 2, 3].map((i) => Number((seed >> BigInt(32 * i)) & MASK32));
    return new Prng(words);
  }

  static fromNumber(seed: number): Prng {
    return Prng.fromBigInt(BigInt(Math.trunc(Math.abs(seed))));
  }

  /** Next raw 32-bit unsigned integer. */
  nextU32(): number {
    const [s0, s1, s2, s3] = this.s;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    const n2 = (s2 ^ s0) >>> 0;
    const n3 = (s3 ^ s1) >>> 0;
    const n1 = (s1 ^ n2) >>> 0;
    const n0 = (s0 ^ n3) >>> 0;
    this.s = [n0, n1, (n2 ^ t) >>> 0, rotl(n3, 11)];
    return result;
  }

  /** Uniform integer in [lo, hi] (inclusive), unbiased by rejection. */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi < lo || hi - lo >= 2 ** 32) {
      throw new RangeError(`Prng.int: bad range [${lo}, ${hi}]`);
    }
    const range = hi - lo + 1;
    const limit = Math.floor(2 ** 32 / range) * range;
    let u = this.nextU32();
    while (u >= limit) u = this.nextU32();
    return lo + (u % range);
  }

  /** True with probability percent/100. */
  chance(percent: number): boolean {
    return this.int(0, 99) < percent;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Prng.pick: empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }
}
