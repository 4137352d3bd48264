import { describe, it, expect } from 'vitest';
import { attributeMatches, attributeTokens } from '../../src/challenge/attributes.js';

describe('attributeTokens', () => {
  it('lower-cases, splits on non-alphanumerics and camelCase, drops stop words, sorts', () => {
    expect(attributeTokens("the lead researcher's last name")).toEqual(['last', 'lead', 'name', 'researcher']);
    expect(attributeTokens('lead_researcher.last_name')).toEqual(['last', 'lead', 'name', 'researcher']);
    expect(attributeTokens('leadResearcher.lastName')).toEqual(['last', 'lead', 'name', 'researcher']);
    expect(attributeTokens('Q1 revenue')).toEqual(['q1', 'revenue']);
    expect(attributeTokens('  ')).toEqual([]);
  });
});

describe('attributeMatches', () => {
  it.each([
    ['headquarters city', 'headquarters.city'],
    ['Q1 revenue', 'revenue.q1'],
    ["lead researcher's last name", 'lead_researcher.last_name'],
    ['lead researcher’s last name', 'lead_researcher.last_name'],
    ['the founding year', 'founding.year'],
    ['year of founding', 'founding.year'],
    ['code family', 'code.family'],
    ['Q2 revenue delta', 'revenue.q2.delta'],
  ])('%j ≡ %j', (phrase, key) => {
    expect(attributeMatches(phrase, key)).toBe(true);
  });

  it.each([
    ['headquarters city', 'headquarters.country'],
    ['Q1 revenue', 'revenue.q2'],
    ['revenue', 'revenue.q1'],
    ['lead researcher last name', 'lead_researcher.first_name'],
    ['city city', 'headquarters.city'],
    ['the', 'of'],
    ['', ''],
  ])('%j ≢ %j', (phrase, key) => {
    expect(attributeMatches(phrase, key)).toBe(false);
  });
});
