import { describe, it, expect } from 'vitest';
import { decimalsShown, isPrime, modTerm, nextPrime, operations, resultMatches, roundTo } from '../../src/verify/math.js';

describe('primes', () => {
  it('recognises primes and rejects non-primes, fractions and small numbers', () => {
    expect([2, 3, 5, 43, 97, 7919].every(isPrime)).toBe(true);
    expect([-7, 0, 1, 4, 9, 91, 7917, 2.5].some(isPrime)).toBe(false);
  });

  it('nextPrime is the smallest prime ≥ x, x itself when x is prime', () => {
    expect(nextPrime(43)).toBe(43);
    expect(nextPrime(38)).toBe(41);
    expect(nextPrime(90)).toBe(97);
    expect(nextPrime(12.5)).toBe(13);
    expect(nextPrime(-4)).toBe(2);
    expect(nextPrime(Number.NaN)).toBeNaN();
  });
});

describe('modTerm', () => {
  it('is (value mod M) + O', () => {
    expect(modTerm(233, 50, 10)).toBe(43);
    expect(modTerm(2011, 90, 10)).toBe(41);
    expect(modTerm(430, 10, 10)).toBe(10);
  });

  it('takes a non-negative remainder for negative values', () => {
    expect(modTerm(-7, 10, 10)).toBe(13);
  });
});

describe('rounding', () => {
  it('rounds half away from zero without binary artefacts', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.7516129, 2)).toBe(0.75);
  });

  it('counts the decimals a number shows', () => {
    expect(decimalsShown(54)).toBe(0);
    expect(decimalsShown(0.75)).toBe(2);
    expect(decimalsShown(1e-7)).toBe(7);
  });

  it('accepts a claimed result equal to the exact value at the claimed precision only', () => {
    expect(resultMatches(0.75, 233 / 310)).toBe(true);
    expect(resultMatches(0.7516, 233 / 310)).toBe(true);
    expect(resultMatches(0.76, 233 / 310)).toBe(false);
    expect(resultMatches(0.8, 233 / 310)).toBe(true);
    expect(resultMatches(0.7, 233 / 310)).toBe(false);
    expect(resultMatches(true, true)).toBe(true);
    expect(resultMatches(1, true)).toBe(false);
  });
});

describe('the compute operation table', () => {
  const run = (name: string, ...inputs: Array<number | boolean>) => operations[name]?.apply(inputs);

  it('has exactly the operations of protocol §8', () => {
    expect(Object.keys(operations).sort()).toEqual(
      [
        'abs_diff', 'add', 'average', 'compare_equal', 'compare_greater_than', 'compare_less_than', 'count',
        'divide', 'max', 'min', 'mod', 'multiply', 'next_prime', 'ratio', 'round', 'round_nearest', 'subtract', 'sum',
      ].sort(),
    );
  });

  it('computes each operation', () => {
    expect(run('add', 2, 3)).toBe(5);
    expect(run('sum', 1, 2, 3, 4)).toBe(10);
    expect(run('subtract', 10, 4)).toBe(6);
    expect(run('multiply', 3, 4)).toBe(12);
    expect(run('divide', 9, 4)).toBe(2.25);
    expect(run('ratio', 1, 4)).toBe(0.25);
    expect(run('mod', 233, 50)).toBe(33);
    expect(run('max', 3, 9, 4)).toBe(9);
    expect(run('min', 3, 9, 4)).toBe(3);
    expect(run('average', 2, 4, 9)).toBe(5);
    expect(run('next_prime', 38)).toBe(41);
    expect(run('round', 2.345, 2)).toBe(2.35);
    expect(run('round_nearest', 2.5)).toBe(3);
    expect(run('abs_diff', 4, 10)).toBe(6);
    expect(run('count', 5, 0, 7)).toBe(3);
    expect(run('count', true, false, true)).toBe(2);
    expect(run('compare_equal', 4, 4)).toBe(true);
    expect(run('compare_greater_than', 4, 5)).toBe(false);
    expect(run('compare_less_than', 4, 5)).toBe(true);
  });

  it('refuses division and mod by zero', () => {
    expect(run('divide', 1, 0)).toBeUndefined();
    expect(run('ratio', 1, 0)).toBeUndefined();
    expect(run('mod', 1, 0)).toBeUndefined();
  });

  it('declares the arity of fixed-arity operations', () => {
    expect(operations.subtract).toMatchObject({ minInputs: 2, maxInputs: 2 });
    expect(operations.next_prime).toMatchObject({ minInputs: 1, maxInputs: 1 });
    expect(operations.round).toMatchObject({ minInputs: 1, maxInputs: 2 });
  });
});
