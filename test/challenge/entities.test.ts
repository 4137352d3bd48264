import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { learnAliases, textMentionsEntity } from '../../src/challenge/entities.js';
import { ParagraphIndex } from '../../src/challenge/paragraphs.js';

const payload = JSON.parse(readFileSync(new URL('../fixtures/payloads/wallet.json', import.meta.url), 'utf8')) as {
  doc: string;
  entities: string[];
};
const paragraphs = new ParagraphIndex(payload.doc);
const text = (n: number): string => paragraphs.get(n)?.text ?? '';

describe('learnAliases', () => {
  const aliases = learnAliases(payload.doc, payload.entities);

  it('learns abbreviations, also-known-as, hereafter and person aliases', () => {
    expect(aliases).toEqual({
      'Northwind Analytics': ['NWA', 'Maria Alvarez'],
      'Northwind Assurance': ['NorthSure'],
      'Helios Biotech': ['Helios'],
      'Kestrel Mobility': ['Jonas Alvarez'],
    });
  });

  it('records the surname of a leader whose surname no other leader shares', () => {
    const doc = 'Maria Alvarez, who leads Northwind Analytics, spoke.\n\nAlvarez\'s team grew.';
    expect(learnAliases(doc, ['Northwind Analytics'])).toEqual({ 'Northwind Analytics': ['Maria Alvarez', 'Alvarez'] });
  });

  it('drops leading sentence words and honorifics from person names', () => {
    const doc = 'Yesterday Dr. Priya Natarajan, who heads Helios Biotech, resigned.';
    expect(learnAliases(doc, ['Helios Biotech'])).toEqual({ 'Helios Biotech': ['Priya Natarajan', 'Natarajan'] });
  });

  it('accepts quoted and curly-quoted variants of the patterns', () => {
    const doc =
      'Kestrel Mobility (hereafter, “Kestrel”) expanded. Helios Biotech ("HB") grew. ' +
      'Northwind Assurance, also known as "North Assure", reported.';
    expect(learnAliases(doc, ['Kestrel Mobility', 'Helios Biotech', 'Northwind Assurance'])).toEqual({
      'Kestrel Mobility': ['Kestrel'],
      'Helios Biotech': ['HB'],
      'Northwind Assurance': ['North Assure'],
    });
  });

  it('ignores parentheses that are not abbreviations', () => {
    const doc = 'Northwind Analytics (founded 1998) and Helios Biotech (Boston) and Kestrel Mobility (est) grew.';
    expect(learnAliases(doc, ['Northwind Analytics', 'Helios Biotech', 'Kestrel Mobility'])).toEqual({
      'Northwind Analytics': [],
      'Helios Biotech': [],
      'Kestrel Mobility': [],
    });
  });

  it('drops an alias that names another entity', () => {
    const doc = 'Helios Biotech, also known as Kestrel Mobility, merged.';
    expect(learnAliases(doc, ['Helios Biotech', 'Kestrel Mobility'])['Helios Biotech']).toEqual([]);
  });

  it('does not learn from a near-collision name', () => {
    const doc = 'Northwind Assurance (NWS) is an insurer.';
    expect(learnAliases(doc, ['Northwind Analytics', 'Northwind Assurance'])).toEqual({
      'Northwind Analytics': [],
      'Northwind Assurance': ['NWS'],
    });
  });
});

describe('textMentionsEntity', () => {
  const aliases = learnAliases(payload.doc, payload.entities);
  const nwa = aliases['Northwind Analytics'] ?? [];

  it('finds the exact name case-insensitively, with possessives and any spacing', () => {
    expect(textMentionsEntity(text(1), 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity("NorthSure's revenue trailed Northwind Analytics's.", 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('shares of NORTHWIND ANALYTICS rose', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('Northwind\nAnalytics rose', 'Northwind Analytics')).toBe(true);
  });

  it('rejects near-collisions and a shared first word', () => {
    expect(textMentionsEntity(text(2), 'Northwind Analytics', nwa)).toBe(false);
    expect(textMentionsEntity('Northwind reported strong results.', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('Northwind reported strong results.', 'Northwind Assurance')).toBe(false);
    expect(textMentionsEntity('Northwind Analyticsworks', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('the Northwind Analytic unit', 'Northwind Analytics')).toBe(false);
  });

  it('finds learned aliases, the abbreviation case-sensitively', () => {
    expect(textMentionsEntity('NWA beat estimates.', 'Northwind Analytics', nwa)).toBe(true);
    expect(textMentionsEntity('the nwa beat estimates.', 'Northwind Analytics', nwa)).toBe(false);
    expect(textMentionsEntity('NWAX beat estimates.', 'Northwind Analytics', nwa)).toBe(false);
    expect(textMentionsEntity(text(3), 'Northwind Analytics', ['Maria Alvarez'])).toBe(true);
    expect(textMentionsEntity(text(7), 'Northwind Assurance', aliases['Northwind Assurance'])).toBe(true);
    expect(textMentionsEntity(text(5), 'Helios Biotech', aliases['Helios Biotech'])).toBe(true);
  });

  it('finds a surname alias in its possessive form', () => {
    expect(textMentionsEntity("Alvarez's group grew Q2 revenue.", 'Northwind Analytics', ['Maria Alvarez', 'Alvarez'])).toBe(true);
    expect(textMentionsEntity("Alvarezo's group grew Q2 revenue.", 'Northwind Analytics', ['Alvarez'])).toBe(false);
  });

  it('does not resolve a surname two leaders share', () => {
    expect(textMentionsEntity(text(6), 'Northwind Analytics', nwa)).toBe(false);
    expect(textMentionsEntity(text(6), 'Kestrel Mobility', aliases['Kestrel Mobility'])).toBe(false);
  });

  it('finds one adjacent-letter transposition in one word of four or more letters', () => {
    expect(textMentionsEntity(text(8), 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('Northwind Anayltics grew', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('Kestrel Mobiltiy grew', 'Kestrel Mobility')).toBe(true);
    expect(textMentionsEntity('Nrothwind Anaylitcs grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('Nortwhind Analytics grew', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('Northwind Assurnace grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('Northwind Assurnace grew', 'Northwind Assurance')).toBe(true);
  });

  it('does not transpose words shorter than four letters', () => {
    expect(textMentionsEntity('Obi Labs grew', 'Ibo Labs')).toBe(false);
    expect(textMentionsEntity('Ibo Lasb grew', 'Ibo Labs')).toBe(true);
  });

  it('finds dotted initials of a multi-word name only', () => {
    expect(textMentionsEntity('staff at N.A. numbered 12,400', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('staff at N. A. numbered 12,400', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity("N.A.'s staff", 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('staff at NA numbered 12,400', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('staff at n.a. numbered', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('the N.A.S. consortium', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('H. said so', 'Helios')).toBe(false);
    expect(textMentionsEntity('K.M. said so', 'Kestrel Mobility')).toBe(true);
  });

  it('folds accents in names and text', () => {
    expect(textMentionsEntity('Zurich Quantenwerk expanded', 'Zürich Quantenwerk')).toBe(true);
  });
});
