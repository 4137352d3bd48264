import { describe, it, expect } from 'vitest';
import { numericMentions } from '../../src/challenge/numbers.js';
import { parseNumeric, textStatesValue } from '../../src/challenge/values.js';

describe('parseNumeric', () => {
  it.each([
    ['4036', 4036],
    ['4,036', 4036],
    ['4,036M', 4036],
    ['$4,036M', 4036],
    ['$4,036 million', 4036],
    ['$4.04 billion', 4040],
    ['4.04B', 4040],
    ['4.036 bn', 4036],
    ['$850K', 0.85],
    ['12.5%', 12.5],
    ['12.5 percent', 12.5],
    ['0.42', 0.42],
    ['-3.2%', -3.2],
    ['−3.2', -3.2],
    ['-$3.2M', -3.2],
    ['US$4,036M', 4036],
    ['+7', 7],
    ['1998', 1998],
    ['just over 25512', 25512],
    ['approximately 4,036', 4036],
    ['about $4.04 billion USD', 4040],
    ['~4036', 4036],
    ['4,036 (in $ millions)', 4036],
    ['1,234,567.5', 1234567.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumeric(text)).toBe(value);
  });

  it.each([
    ['Boston'],
    [''],
    ['Q3 2024'],
    ['4036 and 5000'],
    ['revenue.q1'],
    ['3D'],
    ['H100'],
    ['1.2.3'],
    ['declined 3.2%'],
  ])('reads %j as no number', (text) => {
    expect(parseNumeric(text)).toBeUndefined();
  });
});

describe('textStatesValue: integer money in $ millions', () => {
  it.each([
    'revenue was 4036 in Q1',
    'revenue was 4,036 in Q1',
    'revenue was 4,036M in Q1',
    'revenue was $4,036M in Q1',
    'revenue was $4,036 million in Q1',
    'revenue was $4.04 billion in Q1',
    'revenue was 4.04B in Q1',
    'revenue was $4.036 billion in Q1',
    'revenue was just over 4036.',
    'revenue was approximately 4,036, per the memo',
    'revenue reached 4036 (confirmed)',
    'revenue: 4,036.0',
    'revenue of $4,036,000,000 for the year',
  ])('4036 is stated by %j', (text) => {
    expect(textStatesValue(text, 4036)).toBe(true);
  });

  it.each([
    'revenue was 14036 in Q1',
    'revenue was 40365 in Q1',
    'revenue was 4036.5 in Q1',
    'revenue was 14,036 in Q1',
    'revenue was 4,0365 in Q1',
    'revenue was 4.0 billion',
    'revenue was $4 billion',
    'revenue was $4.05 billion',
    'revenue was 4.03B',
    'revenue was 4036 thousand',
    'model H4036 shipped',
    'code 4036x',
    'reference ISO-4036',
    'revenue was 4037',
    'revenue was -4036',
    'revenue of 4,036,000,000 units',
  ])('4036 is not stated by %j', (text) => {
    expect(textStatesValue(text, 4036)).toBe(false);
  });

  it('accepts the billions form only at the precision it shows', () => {
    expect(textStatesValue('$4.04 billion', 4044)).toBe(true);
    expect(textStatesValue('$4.04 billion', 4046)).toBe(false);
    expect(textStatesValue('$4.04 billion', 4040)).toBe(true);
    expect(textStatesValue('$4 billion', 4000)).toBe(true);
  });

  it('reads a value given as a numeric string like a number', () => {
    expect(textStatesValue('revenue was $4.04 billion', '4,036')).toBe(true);
    expect(textStatesValue('revenue was 4,036', '$4,036M')).toBe(true);
    expect(textStatesValue('revenue was 4036.5', '4036')).toBe(false);
  });
});

describe('textStatesValue: percentages, decimals, negatives, years', () => {
  it('matches percentages as written and as fractions', () => {
    expect(textStatesValue('margin of 12.5% in Q3', 12.5)).toBe(true);
    expect(textStatesValue('margin of 12.5 percent in Q3', 12.5)).toBe(true);
    expect(textStatesValue('margin of 12.5 per cent', 12.5)).toBe(true);
    expect(textStatesValue('margin of 12.5% in Q3', 0.125)).toBe(true);
    expect(textStatesValue('margin of 12.5% in Q3', 12)).toBe(false);
    expect(textStatesValue('margin of 12.5% in Q3', 125)).toBe(false);
    expect(textStatesValue('margin of 12% in Q3', 12.5)).toBe(false);
  });

  it('matches decimals exactly', () => {
    expect(textStatesValue('an error rate of 0.42 per cycle', 0.42)).toBe(true);
    expect(textStatesValue('an error rate of 0.42 per cycle', 0.4)).toBe(false);
    expect(textStatesValue('an error rate of 0.420 per cycle', 0.42)).toBe(true);
    expect(textStatesValue('an error rate of 10.42 per cycle', 0.42)).toBe(false);
  });

  it('matches an explicit minus only as a negative value', () => {
    expect(textStatesValue('growth was -3.2% year over year', -3.2)).toBe(true);
    expect(textStatesValue('growth was −3.2% year over year', -3.2)).toBe(true);
    expect(textStatesValue('growth was -3.2% year over year', 3.2)).toBe(false);
    expect(textStatesValue('growth was 3.2% year over year', -3.2)).toBe(false);
  });

  it('lets a decrease word state either sign', () => {
    expect(textStatesValue('Q1 revenue declined 3.2% year over year', -3.2)).toBe(true);
    expect(textStatesValue('Q1 revenue declined 3.2% year over year', 3.2)).toBe(true);
    expect(textStatesValue('Q1 revenue fell by 3.2%', -3.2)).toBe(true);
    expect(textStatesValue("NorthSure's Q2 revenue was exactly 120 below Northwind's", -120)).toBe(true);
    expect(textStatesValue("NorthSure's Q2 revenue was exactly 120 below Northwind's", 120)).toBe(true);
    expect(textStatesValue("NorthSure's Q2 revenue was exactly 120 above Northwind's", -120)).toBe(false);
    expect(textStatesValue("Q2 revenue trailed Helios's by 120", -120)).toBe(true);
    expect(textStatesValue('Q1 revenue rose 3.2% year over year', -3.2)).toBe(false);
  });

  it('reads ranges as two positive numbers, hyphenated codes as no number', () => {
    expect(textStatesValue('between 2019-2021', 2021)).toBe(true);
    expect(textStatesValue('between 2019-2021', -2021)).toBe(false);
    expect(textStatesValue('the COVID-19 period', 19)).toBe(false);
    expect(textStatesValue('the COVID-19 period', -19)).toBe(false);
  });

  it('matches years digit for digit, not inside longer numbers or identifiers', () => {
    expect(textStatesValue('It was founded in 1998.', 1998)).toBe(true);
    expect(textStatesValue('It was founded in 1998.', '1998')).toBe(true);
    expect(textStatesValue('It was founded in 19980.', 1998)).toBe(false);
    expect(textStatesValue('the FY1998 report', 1998)).toBe(false);
    expect(textStatesValue('in the 1990s', 1990)).toBe(false);
    expect(textStatesValue('It was founded in 1998.', 1999)).toBe(false);
  });

  it('does not read paragraph references or quarter names as numbers', () => {
    expect(textStatesValue('as stated in paragraph_12 and Q4', 12)).toBe(false);
    expect(textStatesValue('as stated in paragraph_12 and Q4', 4)).toBe(false);
  });

  it('states nothing for NaN or infinite values', () => {
    expect(textStatesValue('NaN Infinity 0', Number.NaN)).toBe(false);
    expect(textStatesValue('Infinity 0', Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('textStatesValue: strings', () => {
  it('matches case-insensitively on word boundaries', () => {
    expect(textStatesValue('headquartered in Boston since 1998', 'boston')).toBe(true);
    expect(textStatesValue("Boston's largest employer", 'Boston')).toBe(true);
    expect(textStatesValue('headquartered in Bostonia', 'Boston')).toBe(false);
    expect(textStatesValue('headquartered in NewBoston', 'Boston')).toBe(false);
  });

  it('tolerates whitespace and hyphen differences', () => {
    expect(textStatesValue('a state of the art decoder', 'state-of-the-art')).toBe(true);
    expect(textStatesValue('the Gross-Pitaevskii model', 'Gross Pitaevskii')).toBe(true);
    expect(textStatesValue('based in Winston\n  Salem', 'Winston-Salem')).toBe(true);
    expect(textStatesValue('a surface code family', 'surface-code')).toBe(true);
    expect(textStatesValue('a surface coder family', 'surface-code')).toBe(false);
  });

  it('folds accents and apostrophes', () => {
    expect(textStatesValue('based in Zürich', 'Zurich')).toBe(true);
    expect(textStatesValue('led by Dr. O’Brien', "O'Brien")).toBe(true);
  });

  it('matches values with punctuation literally', () => {
    expect(textStatesValue('written in C++ mostly', 'C++')).toBe(true);
    expect(textStatesValue('based in St. Louis', 'St. Louis')).toBe(true);
    expect(textStatesValue('based in Sty Louis', 'St. Louis')).toBe(false);
  });

  it('does not match an empty value', () => {
    expect(textStatesValue('anything', '  ')).toBe(false);
    expect(textStatesValue('a - b', '--')).toBe(false);
  });

  it('reads any separator run, or none, between parts and only there', () => {
    for (const text of ['union--find', 'union — find', 'Union_Find', 'unionfind', 'union-\nfind']) {
      expect(textStatesValue(`decoded by ${text}.`, 'union-find'), text).toBe(true);
    }
    expect(textStatesValue('decoded by xunion-find', 'union-find')).toBe(false);
    expect(textStatesValue('decoded by union-find2', 'union-find')).toBe(false);
    expect(textStatesValue('decoded by uni on-find', 'union-find')).toBe(false);
    expect(textStatesValue('NewBoston, then Boston', 'Boston')).toBe(true);
  });

  it('compares case as Unicode does, for ASCII and other values', () => {
    expect(textStatesValue('based in Oſlo', 'Oslo')).toBe(true);
    expect(textStatesValue('a ØRSTED plant', 'Ørsted')).toBe(true);
    expect(textStatesValue('a Orsted plant', 'Ørsted')).toBe(false);
    expect(textStatesValue('İstanbul office, based in Oslo', 'oslo')).toBe(true);
  });

  it('agrees with its regex definition on separator, case and boundary variants', () => {
    const definition = (text: string, value: string): boolean => {
      const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'");
      const sep = '[\\s\\-‐‑–—_]';
      const parts = fold(value).split(new RegExp(`${sep}+`, 'u')).filter((p) => p !== '');
      if (parts.length === 0) return false;
      const body = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(`${sep}*`);
      return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu').test(fold(text));
    };
    const values = ['union-find', 'belief propagation', 'Oslo', 'AAA', 'C++', 'St. Louis', "O'Brien", 'Zürich', 'Ørsted', 'x'];
    const gaps = ['', ' ', '-', '--', ' — ', '_', '\n', '.'];
    const edges = ['', 'x', '7', '.', "'s", '-', 'é', '𝐀', 'İ'];
    const disagreements: string[] = [];
    for (const value of values) {
      const words = value.split(/[\s-]+/);
      const writings = [...gaps.map((gap) => words.join(gap)), value.toUpperCase(), value.toLowerCase(), value.replace(/s/g, 'ſ'), value.slice(1)];
      for (const written of writings) {
        for (const before of edges) {
          for (const after of edges) {
            const text = `in ${before}${written}${after} today`;
            if (textStatesValue(text, value) !== definition(text, value)) disagreements.push(`${JSON.stringify(text)} / ${value}`);
          }
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });
});

describe('numericMentions', () => {
  it('extracts each mention once with its scale, sign and shown precision', () => {
    const mentions = numericMentions('Q1 revenue declined 3.2% to $4.04 billion from 4,541M in 2019-2021.');
    expect(mentions.map((m) => m.raw)).toEqual(['3.2%', '$4.04 billion', '4,541M', '2019', '2021']);
    expect(mentions[0]).toMatchObject({ literal: 3.2, percent: true, decreaseCue: true, sign: 1 });
    expect(mentions[1]).toMatchObject({ literal: 4.04, money: true, scale: 1e9, decimals: 2, significantDigits: 3 });
    expect(mentions[2]).toMatchObject({ literal: 4541, scale: 1e6, money: false });
  });

  it('returns the same cached result for the same text', () => {
    const text = 'cache me: 4,036 and 12.5%';
    expect(numericMentions(text)).toBe(numericMentions(text));
  });
});
