import { describe, it, expect } from 'vitest';
import { parseConstraint } from '../../src/verify/constraints/parse.js';

const TIP = 'Tip: avoid extra punctuation-only "words"; words are split on spaces.';

describe('parseConstraint on the exact generator wording', () => {
  it('reads the word count', () => {
    expect(parseConstraint('Write EXACTLY 24 words. Single line.', 0)).toMatchObject({
      index: 0,
      kind: 'word_count',
      params: { count: 24 },
    });
  });

  it.each([
    ['headquarters city', 'company', 3],
    ['code family', 'quantum lab', 1],
    ['noise model', 'processor', 7],
    ['culture format', 'biotech startup', 10],
    ["lead researcher's last name", 'research lab', 2],
    ['Q1 revenue', 'company', 4],
    ['number of employees', 'company', 5],
  ])('reads a required token with the attribute phrase "%s"', (attribute, noun, k) => {
    const text = `Must include the ${attribute} of the ${noun} that answers Question ${k}.`;
    expect(parseConstraint(text, 2)).toEqual({
      index: 2,
      text,
      kind: 'required_token',
      params: { question: k, attribute, entityNoun: noun },
    });
  });

  it.each([
    ['Q1 revenue', 3, 50],
    ['founding year', 9, 90],
    ['qubit count', 2, 10],
  ])('reads the prime rule for "%s"', (attribute, k, m) => {
    const text = `Must include a prime number equal to nextPrime((${attribute} of the answer to Question ${k} mod ${m}) + 10), as digits.`;
    expect(parseConstraint(text, 4)).toMatchObject({
      kind: 'prime',
      params: { question: k, attribute, modulus: m, offset: 10 },
    });
  });

  it('reads both terms of the equation', () => {
    const text =
      'Must include the equation "A+B=C" (digits, no spaces) where A=((founding year of the answer to Question 5 mod 90)+10) and B=((Q2 revenue of the answer to Question 6 mod 10)+10) and C=A+B.';
    expect(parseConstraint(text, 5)).toMatchObject({
      kind: 'equation',
      params: {
        a: { question: 5, attribute: 'founding year', modulus: 90, offset: 10 },
        b: { question: 6, attribute: 'Q2 revenue', modulus: 10, offset: 10 },
      },
    });
  });

  it('reads the acrostic length and both questions', () => {
    const text =
      'Acrostic: the first letters of the first 6 words must spell the first 6 letters of (initials(Q8)+initials(Q3)), uppercased.';
    expect(parseConstraint(text, 6)).toMatchObject({ kind: 'acrostic', params: { count: 6, questions: [8, 3] } });
  });

  it('reads the forbidden letter in lower case', () => {
    expect(parseConstraint('Must NOT contain the letter "Z" (case-insensitive).', 7)).toMatchObject({
      kind: 'forbidden_letter',
      params: { letter: 'z' },
    });
  });

  it('reads the tip as the informational kind', () => {
    expect(parseConstraint(TIP, 8)).toMatchObject({ kind: 'tip', params: {} });
  });
});

describe('parseConstraint on production variants', () => {
  it('accepts case, spacing and "on a single line" in the word count', () => {
    expect(parseConstraint('write exactly   31 words on a single line.', 0)).toMatchObject({ params: { count: 31 } });
    expect(parseConstraint('Your answer must be exactly 12 words.', 0)).toMatchObject({ params: { count: 12 } });
  });

  it('accepts "Q3" for "Question 3" and curly apostrophes in the attribute', () => {
    expect(parseConstraint('must include the lead researcher\u2019s last name of the lab that answers Q3', 1)).toMatchObject({
      kind: 'required_token',
      params: { question: 3, attribute: "lead researcher's last name", entityNoun: 'lab' },
    });
  });

  it('accepts a compact nextPrime with no spaces and "Q" references', () => {
    expect(parseConstraint('Must include a prime number equal to nextPrime((Q4 revenue of the answer to Q2 mod 50)+10), as digits.', 4)).toMatchObject({
      kind: 'prime',
      params: { question: 2, attribute: 'Q4 revenue', modulus: 50, offset: 10 },
    });
  });

  it('accepts a spaced-out equation with curly quotes', () => {
    const text =
      'Must include the equation \u201CA+B=C\u201D (digits, no spaces) where A = ( ( code distance of the answer to Question 1 mod 50 ) + 10 ) and B = ( ( qubit count of the answer to Question 4 mod 50 ) + 10 ) and C = A + B.';
    expect(parseConstraint(text, 5)).toMatchObject({
      kind: 'equation',
      params: {
        a: { question: 1, attribute: 'code distance', modulus: 50, offset: 10 },
        b: { question: 4, attribute: 'qubit count', modulus: 50, offset: 10 },
      },
    });
  });

  it('accepts the forbidden letter in single or curly quotes', () => {
    expect(parseConstraint("Must not contain the letter 'q' (case-insensitive).", 7)).toMatchObject({ params: { letter: 'q' } });
    expect(parseConstraint('MUST NOT CONTAIN THE LETTER \u201Cb\u201D.', 7)).toMatchObject({ params: { letter: 'b' } });
  });

  it('accepts "Question 3" spelled out inside initials()', () => {
    const text = 'Acrostic: the first letters of the first 3 words must spell the first 3 letters of (initials(Question 2) + initials(Question 9)), uppercased.';
    expect(parseConstraint(text, 6)).toMatchObject({ kind: 'acrostic', params: { count: 3, questions: [2, 9] } });
  });
});

describe('parseConstraint on text it does not understand', () => {
  it.each([
    'Must rhyme with the name of the CEO.',
    'Write a haiku.',
    'Must include the equation "A+B=C" where A is something else entirely.',
    '',
  ])('returns kind "unknown" for %j, keeping the text', (text) => {
    expect(parseConstraint(text, 3)).toEqual({ index: 3, text, kind: 'unknown', params: {} });
  });
});
