import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { listDomains } from '../../../src/sandbox/generator/index.js';
import { domainLibrarySchema, factKeys, factPhrase, loadDomain } from '../../../src/sandbox/generator/library.js';
import { fillTemplate } from '../../../src/sandbox/generator/template.js';
import { attributeMatches } from '../../../src/challenge/attributes.js';
import { MinerError } from '../../../src/errors.js';

describe('domain libraries', () => {
  it('lists at least the four required domains with noun, description and tags', () => {
    const domains = listDomains();
    expect(domains.map((d) => d.name)).toEqual(expect.arrayContaining(['companies', 'quantum_codes', 'stem_cell_studies', 'scrna_imputation']));
    const nouns = Object.fromEntries(domains.map((d) => [d.name, d.entityNoun]));
    expect(nouns).toMatchObject({ companies: 'company', quantum_codes: 'code', stem_cell_studies: 'study', scrna_imputation: 'method' });
    for (const d of domains) {
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.tags.length).toBeGreaterThan(0);
    }
    expect(domains.find((d) => d.name === 'companies')?.tags).toContain('finance');
  });

  it.each(listDomains().map((d) => d.name))('%s: about twenty attributes of every kind, canonical keys matching their phrases', (name) => {
    const lib = loadDomain(name);
    expect(lib.attributes.length).toBeGreaterThanOrEqual(18);
    const kinds = new Set(lib.attributes.map((a) => a.kind));
    for (const kind of ['category', 'person', 'number', 'year', 'series']) expect(kinds).toContain(kind);
    for (const a of lib.attributes.filter((x) => x.kind === 'category')) {
      expect(a.vocab!.length).toBeGreaterThanOrEqual(5);
      expect(a.vocab!.length).toBeLessThanOrEqual(8);
    }
    for (const key of factKeys(lib)) expect(attributeMatches(factPhrase(lib, key), key), `${key} ~ "${factPhrase(lib, key)}"`).toBe(true);
    // Near-collisions are built in: more suffixes than needed per prefix, shared surnames in the pool.
    expect(lib.names.suffixes.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses an unknown domain with a hint listing the known ones', () => {
    expect(() => loadDomain('astrology')).toThrow(MinerError);
    expect(() => loadDomain('astrology')).toThrow(/Unknown challenge domain "astrology"[\s\S]*companies/);
  });

  it('validates library files and names the failing field', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../src/sandbox/generator/domains/companies.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(domainLibrarySchema.safeParse(raw).success).toBe(true);
    const attributes = (raw.attributes as Array<Record<string, unknown>>).map((a) => (a.key === 'employee.count' ? { ...a, min: undefined } : a));
    const broken = domainLibrarySchema.safeParse({ ...raw, attributes });
    expect(broken.success).toBe(false);
    expect(JSON.stringify(broken.error?.issues)).toMatch(/employee\.count: numeric attributes need min < max/);
  });
});

describe('fillTemplate', () => {
  it('fills placeholders', () => {
    expect(fillTemplate('{entity} employs {value} people.', { entity: 'Northwind Analytics', value: '4,036' })).toBe('Northwind Analytics employs 4,036 people.');
  });

  it('fails loudly on an unfilled placeholder or a stray brace', () => {
    expect(() => fillTemplate('{entity} employs {value} people.', { entity: 'X' })).toThrow(/\{value\} has no value/);
    expect(() => fillTemplate('{entity} employs {value people.', { entity: 'X' })).toThrow(/brace/);
  });
});
