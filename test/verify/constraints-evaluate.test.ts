import { describe, it, expect } from 'vitest';
import { evaluateConstraint } from '../../src/verify/constraints/evaluate.js';
import { parseConstraint } from '../../src/verify/constraints/parse.js';
import type { FactSource } from '../../src/verify/types.js';

/** Inputs as the coordinator would have them: answers by question number, values by entity + phrase. */
function factsFrom(answers: Record<number, string>, values: Record<string, string | number>): FactSource {
  return {
    answerTo: (n) => answers[n],
    attributeOf: (entity, phrase) => values[`${entity}|${phrase}`],
  };
}

const facts = factsFrom(
  { 1: 'Northwind Analytics', 2: 'Helix Robotics', 3: 'Orchid Logistics', 4: 'Orchid Logistics' },
  {
    'Northwind Analytics|headquarters city': 'Oslo',
    'Helix Robotics|Q1 revenue': 233,
    'Orchid Logistics|Q1 revenue': '$356 million',
    'Orchid Logistics|headquarters city': 'Lyon',
  },
);

const check = (text: string, artifact: string, source: FactSource = facts) => evaluateConstraint(parseConstraint(text, 0), artifact, source);

describe('word count', () => {
  const rule = 'Write EXACTLY 5 words. Single line.';

  it('passes five single-spaced words on one line, counting an equation as one word', () => {
    expect(check(rule, 'One two three 43+36=79 five.')).toMatchObject({ status: 'pass', expected: '5' });
  });

  it.each([
    ['One two three four', '4 words, needs exactly 5'],
    ['One two three four five six', '6 words, needs exactly 5'],
    ['One two  three four five', 'double space after "two"'],
    [' One two three four five', 'leading space'],
    ['One two three four five ', 'trailing space'],
    ['One two three four\nfive', 'not a single line'],
    ['One two — three four', 'punctuation-only word "—"'],
    ['One two three\tfour five', 'whitespace other than a space (tab, no-break space) in "three\\tfour"'],
  ])('fails %j naming the problem', (artifact, problem) => {
    const result = check(rule, artifact);
    expect(result.status).toBe('fail');
    expect(result.reason).toContain(problem);
  });
});

describe('required token', () => {
  const rule = 'Must include the headquarters city of the company that answers Question 1.';

  it('passes when the value is an exact substring', () => {
    expect(check(rule, 'Offices in Oslo grow.')).toMatchObject({ status: 'pass', expected: 'Oslo' });
  });

  it('fails on a different case, naming the token, the attribute and the entity', () => {
    const result = check(rule, 'Offices in OSLO grow.');
    expect(result).toMatchObject({ status: 'fail', expected: 'Oslo' });
    expect(result.reason).toContain('required token: "Oslo" (the headquarters city of Northwind Analytics (Question 1))');
  });

  it('is unchecked when there is no answer to the question', () => {
    const result = check('Must include the headquarters city of the company that answers Question 9.', 'Oslo');
    expect(result).toMatchObject({ status: 'unchecked', reason: 'cannot check: no answer to Question 9' });
  });

  it('is unchecked when the answer has no fact for the attribute', () => {
    const result = check('Must include the founding year of the company that answers Question 1.', 'Oslo');
    expect(result.status).toBe('unchecked');
    expect(result.reason).toBe('cannot check: no fact for the founding year of Northwind Analytics (the answer to Question 1)');
  });
});

describe('prime', () => {
  const rule = 'Must include a prime number equal to nextPrime((Q1 revenue of the answer to Question 2 mod 50) + 10), as digits.';

  it('passes when the prime appears as its own number', () => {
    expect(check(rule, 'Margins near 43 percent.')).toMatchObject({ status: 'pass', expected: '43' });
  });

  it('fails when the prime is only part of a longer number, listing the numbers seen', () => {
    const result = check(rule, 'Costs of 1,043 and 4.43 and 430 units.');
    expect(result.status).toBe('fail');
    expect(result.reason).toBe('prime: 43 does not appear as a number (numbers found: 1,043, 4.43, 430)');
  });

  it('reads a string value through its numeric form', () => {
    const text = 'Must include a prime number equal to nextPrime((Q1 revenue of the answer to Question 3 mod 50) + 10), as digits.';
    expect(check(text, 'about 17 units')).toMatchObject({ status: 'pass', expected: '17' });
  });

  it('is unchecked, not failed, when the value is not numeric', () => {
    const text = 'Must include a prime number equal to nextPrime((headquarters city of the answer to Question 1 mod 50) + 10), as digits.';
    const result = check(text, 'about 17 units');
    expect(result.status).toBe('unchecked');
    expect(result.reason).toContain('is not numeric: "Oslo"');
  });
});

describe('equation', () => {
  const rule =
    'Must include the equation "A+B=C" (digits, no spaces) where A=((Q1 revenue of the answer to Question 2 mod 50)+10) and B=((Q1 revenue of the answer to Question 4 mod 10)+10) and C=A+B.';

  it('passes on the exact token', () => {
    expect(check(rule, 'so 43+16=59 holds')).toMatchObject({ status: 'pass', expected: '43+16=59' });
  });

  it('fails on a wrong term, showing the token it found', () => {
    const result = check(rule, 'so 43+17=60 holds');
    expect(result.reason).toBe('equation: needs 43+16=59; found "43+17=60"');
  });
});

describe('acrostic', () => {
  const rule = 'Acrostic: the first letters of the first 3 words must spell the first 3 letters of (initials(Q1)+initials(Q2)), uppercased.';

  it('passes when the first words spell the initials, in any case', () => {
    expect(check(rule, 'north also helps more')).toMatchObject({ status: 'pass', expected: 'NAH' });
  });

  it('fails naming the first wrong word and the letter it needed', () => {
    const result = check(rule, 'North Also Bright more');
    expect(result.reason).toBe('acrostic: word 3 "Bright" starts with "B", needs "H" (first words must spell NAH)');
  });

  it('fails when the artifact is too short', () => {
    expect(check(rule, 'North Also').reason).toContain('there is no word 3');
  });
});

describe('forbidden letter, tip and unknown text', () => {
  it('finds the forbidden letter in any case and names the word', () => {
    const rule = 'Must NOT contain the letter "j" (case-insensitive).';
    expect(check(rule, 'calm words only')).toMatchObject({ status: 'pass', expected: 'j' });
    expect(check(rule, 'calm Jolly words')).toMatchObject({ status: 'fail', reason: 'forbidden letter "j" in "Jolly"' });
  });

  it('always passes the tip', () => {
    const result = check('Tip: avoid extra punctuation-only "words"; words are split on spaces.', ' — ');
    expect(result).toMatchObject({ status: 'pass', reason: 'informational' });
  });

  it('reports unparsed text as unchecked, quoting it', () => {
    const result = check('Must rhyme with the name of the CEO.', 'anything');
    expect(result.status).toBe('unchecked');
    expect(result.reason).toContain('"Must rhyme with the name of the CEO."');
  });
});
