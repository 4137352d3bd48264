import { describe, it, expect } from 'vitest';
import { decimalString, formatApprox, formatDelta, formatExact, groupThousands, keyNumber } from '../../../src/sandbox/generator/format.js';
import { loadDomain } from '../../../src/sandbox/generator/library.js';
import { parseNumeric } from '../../../src/challenge/values.js';
import { Prng } from '../../../src/util/prng.js';

const lib = loadDomain('companies');
const attr = (key: string) => lib.attributes.find((a) => a.key === key)!;

describe('exact number formatting', () => {
  it('groups thousands and writes scaled decimals exactly', () => {
    expect(groupThousands(4036)).toBe('4,036');
    expect(groupThousands(1244808)).toBe('1,244,808');
    expect(groupThousands(-1250)).toBe('-1,250');
    expect(decimalString(42, 2)).toBe('0.42');
    expect(decimalString(125, 1)).toBe('12.5');
    expect(decimalString(7, 3)).toBe('0.007');
    expect(keyNumber(42, 2)).toBe(0.42);
  });

  it('every exact surface form parses back to the value (money in $ millions)', () => {
    const rng = Prng.fromNumber(1);
    for (const [key, raw, value] of [
      ['revenue', 4036, 4036],
      ['revenue', 950, 950],
      ['employee.count', 25512, 25512],
      ['net.margin', 125, 12.5],
      ['dividend.yield', 42, 0.42],
      ['founding.year', 1987, 1987],
    ] as const) {
      for (let i = 0; i < 40; i += 1) {
        const text = formatExact(attr(key), raw, rng);
        expect(parseNumeric(text), `${key}: "${text}"`).toBe(value);
        if (key === 'founding.year') expect(text).toBe('1987');
      }
    }
  });

  it('keeps lossy forms for secondary mentions only, and never when they would equal the value', () => {
    expect(formatApprox(attr('revenue'), 4036)).toBe('$4.04 billion');
    expect(formatApprox(attr('revenue'), 4030)).toBeUndefined();
    expect(formatApprox(attr('founding.year'), 1987)).toBeUndefined();
    expect(formatApprox(attr('employee.count'), 12450)).toBe('roughly 12,500');
    expect(formatDelta(attr('revenue'), -120)).toBe('$120 million');
  });
});
