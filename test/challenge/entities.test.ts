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

describe('textMentionsEntity: edges of the literal search', () => {
  it('bounds a transposed name by letters and digits like the exact name', () => {
    expect(textMentionsEntity('(Nrothwind Analytics) grew', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity("Northwind Analytisc's staff", 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('xNrothwind Analytics grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('Nrothwind Analytics9 grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('Northwin dAnalytics grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('NorthwindAnalytics grew', 'Northwind Analytics')).toBe(false);
  });

  it('reads any whitespace run between words, non-ASCII letters as word characters', () => {
    expect(textMentionsEntity('Northwind\u00a0Analytics grew', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('Northwind \t\n Analytics grew', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('ßNorthwind Analytics grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('𝐀Northwind Analytics grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('😀Northwind Analytics grew', 'Northwind Analytics')).toBe(true);
  });

  it('counts possessives of every alias kind, curly or straight', () => {
    const aliases = ['NWA', 'Maria Alvarez', 'Alvarez'];
    expect(textMentionsEntity("NWA's revenue grew", 'Northwind Analytics', aliases)).toBe(true);
    expect(textMentionsEntity('Alvarez’s group grew', 'Northwind Analytics', aliases)).toBe(true);
    expect(textMentionsEntity("MARIA ALVAREZ's memo", 'Northwind Analytics', aliases)).toBe(true);
    expect(textMentionsEntity("Nwa's revenue grew", 'Northwind Analytics', aliases)).toBe(false);
  });

  it('reads dotted initials case-sensitively, with at most one space after a dot', () => {
    expect(textMentionsEntity('staff at N.\nA. grew', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('staff at N.a. grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('staff at N.A grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('staff at N.  A. grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('staff at x.N.A. grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('staff at N.A.1 grew', 'Northwind Analytics')).toBe(false);
    expect(textMentionsEntity('staff at (N.A.) grew', 'Northwind Analytics')).toBe(true);
  });

  it('keeps near-collisions apart through transpositions and initials', () => {
    expect(textMentionsEntity('Northwind Assurance grew', 'Northwind Analytics', ['NWA'])).toBe(false);
    expect(textMentionsEntity('Nrothwind Assurance grew', 'Northwind Analytics', ['NWA'])).toBe(false);
    expect(textMentionsEntity('Northwind Assurance grew', 'Northwind Assurance', ['NorthSure'])).toBe(true);
  });

  it('matches case-insensitively as Unicode does: "ſ" is an "s", the Kelvin sign a "k"', () => {
    expect(textMentionsEntity('Northwind Analyticſ grew', 'Northwind Analytics')).toBe(true);
    expect(textMentionsEntity('\u212Aestrel Mobility grew', 'Kestrel Mobility')).toBe(true);
    expect(textMentionsEntity('İstanbul: Northwind Analytics grew', 'Northwind Analytics')).toBe(true);
  });

  it('handles names and aliases that are not ASCII', () => {
    expect(textMentionsEntity('ØRSTED LABS grew', 'Ørsted Labs')).toBe(true);
    expect(textMentionsEntity('Øsrted Labs grew', 'Ørsted Labs')).toBe(true);
    expect(textMentionsEntity('Orsted Labs grew', 'Ørsted Labs')).toBe(false);
    expect(textMentionsEntity('the ÆBL unit grew', 'Helios Biotech', ['ÆBL'])).toBe(true);
    expect(textMentionsEntity('the æbl unit grew', 'Helios Biotech', ['ÆBL'])).toBe(false);
  });
});

/**
 * The definition the matcher implements, as the regexes it compiled before it searched
 * literally: exact name, transpositions and mixed-case aliases case-insensitively; all-caps
 * aliases and dotted initials case-sensitively. Compiled once per (entity, aliases).
 */
const definitions = new Map<string, (folded: string) => boolean>();
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'");

function mentionsByDefinition(text: string, entity: string, aliases: readonly string[]): boolean {
  const key = JSON.stringify([entity, aliases]);
  let test = definitions.get(key);
  if (!test) {
    test = definition(entity, aliases);
    definitions.set(key, test);
  }
  return test(fold(text));
}

function definition(entity: string, aliases: readonly string[]): (folded: string) => boolean {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const split = (s: string): string[] => s.trim().split(/\s+/).filter((w) => w !== '');
  const phrase = (words: string[]): string => words.map(escape).join('\\s+');
  const [B, A] = ['(?<![\\p{L}\\p{N}])', '(?![\\p{L}\\p{N}])'];
  const name = split(fold(entity));
  const insensitive = [phrase(name)];
  name.forEach((word, k) => {
    if (word.length < 4) return;
    for (let i = 0; i + 1 < word.length; i += 1) {
      const [a = '', b = ''] = [word[i], word[i + 1]];
      if (a.toLowerCase() === b.toLowerCase() || !/\p{L}/u.test(a) || !/\p{L}/u.test(b)) continue;
      insensitive.push(phrase(name.map((w, j) => (j === k ? `${w.slice(0, i)}${b}${a}${w.slice(i + 2)}` : w))));
    }
  });
  const sensitive: string[] = [];
  for (const alias of aliases.map(fold)) {
    if (split(alias).length === 0) continue;
    if (/\p{Lu}/u.test(alias) && !/\p{Ll}/u.test(alias)) sensitive.push(`${B}${phrase(split(alias))}${A}`);
    else insensitive.push(phrase(split(alias)));
  }
  if (name.length >= 2) {
    const dots = name.map((w) => `${escape((w[0] ?? '').toUpperCase())}\\.`).join('\\s?');
    sensitive.push(`(?<![\\p{L}\\p{N}.])${dots}${A}`);
  }
  const caseless = new RegExp(`${B}(?:${insensitive.join('|')})${A}`, 'iu');
  const exact = sensitive.length > 0 ? new RegExp(sensitive.join('|'), 'u') : null;
  return (folded) => caseless.test(folded) || (exact?.test(folded) ?? false);
}

describe('textMentionsEntity agrees with its regex definition', () => {
  const aliases = learnAliases(payload.doc, payload.entities);
  const swapAt = (word: string, i: number): string => `${word.slice(0, i)}${word[i + 1] ?? ''}${word[i] ?? ''}${word.slice(i + 2)}`;
  /** Ways a paragraph might write a name: exact, recased, transposed once or twice, initials, cut short, respaced. */
  function writings(name: string): string[] {
    const words = name.split(' ');
    const out = [name, name.toLowerCase(), name.toUpperCase(), words.join('\n'), words.join('  '), words.join(''), words[0] ?? '', name.slice(0, -1)];
    words.forEach((word, k) => {
      for (let i = 0; i + 1 < word.length; i += 1) out.push(words.map((w, j) => (j === k ? swapAt(w, i) : w)).join(' '));
    });
    out.push(words.map((w) => swapAt(w, 1)).join(' '));
    for (const gap of ['', ' ', '  ', '\n']) out.push(words.map((w) => `${(w[0] ?? '').toUpperCase()}.`).join(gap));
    out.push(name.replace(/s/g, 'ſ'), name.replace(/k/gi, '\u212A'));
    return out;
  }
  const edges = ['', 'x', '7', '.', "'s", '’s', '-', '(', 'é', 'ß', '𝐀', '😀', 'İ'];

  it.each(payload.entities)('for writings of %s and its aliases around every edge character', (entity) => {
    const own = aliases[entity] ?? [];
    const disagreements: string[] = [];
    for (const written of [...writings(entity), ...own.flatMap(writings)]) {
      for (const before of edges) {
        for (const after of edges) {
          const text = `In 2024 ${before}${written}${after} grew.`;
          for (const [target, list] of [[entity, own], [entity, []], ...payload.entities.filter((e) => e !== entity).map((e) => [e, aliases[e] ?? []] as const)] as const) {
            if (textMentionsEntity(text, target, list) !== mentionsByDefinition(text, target, list)) disagreements.push(`${JSON.stringify(text)} / ${target}`);
          }
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('on every paragraph of the fixture, for every entity with and without aliases', () => {
    for (const p of paragraphs.paragraphs) {
      for (const entity of [...payload.entities, 'Ørsted Labs', '', 'Northwind']) {
        for (const list of [aliases[entity] ?? [], [], ['NWA', 'Alvarez', 'ÆBL']]) {
          expect(textMentionsEntity(p.text, entity, list), `paragraph ${p.n} / ${entity} / ${list.join(',')}`).toBe(mentionsByDefinition(p.text, entity, list));
        }
      }
    }
  });
});
