/**
 * Domain libraries: one JSON file per domain under ./domains/ (data, not code), validated
 * with zod when loaded so a broken library fails loudly with the field path.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { MinerError } from '../../errors.js';

const nonEmpty = z.array(z.string().min(1)).min(1);

const attributeSchema = z
  .object({
    /** Canonical dotted key, token multiset equal to the phrase's. */
    key: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/),
    phrase: z.string().min(1),
    kind: z.enum(['category', 'person', 'text', 'number', 'year', 'series']),
    vocab: z.array(z.string().min(1)).min(5).optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    /** Numbers are generated as integers in units of 10^-decimals and formatted exactly. */
    decimals: z.number().int().min(0).max(3).optional(),
    unit: z.enum(['count', 'money', 'percent', 'plain']).optional(),
    /** Year attributes: at least `gap` years after another year attribute (no impossible dates). */
    after: z.object({ key: z.string(), gap: z.number().int().min(0) }).optional(),
    /** Person attributes: the role word used in prose ("CEO"). */
    role: z.string().optional(),
    /** `{entity}` + `{value}` (series: `{q1}`…`{q4}`). */
    templates: nonEmpty,
    /** Series only: one quarter, `{entity}` `{quarter}` `{value}`. */
    quarterTemplates: nonEmpty.optional(),
    /** Overrides the library's highest/lowest words (years: latest/earliest). */
    extremes: z.object({ max: z.string(), min: z.string() }).optional(),
  })
  .superRefine((a, ctx) => {
    const numeric = a.kind === 'number' || a.kind === 'year' || a.kind === 'series';
    if (numeric && (a.min === undefined || a.max === undefined || a.min >= a.max)) {
      ctx.addIssue({ code: 'custom', message: `${a.key}: numeric attributes need min < max` });
    }
    if ((a.kind === 'category' || a.kind === 'text') && !a.vocab) {
      ctx.addIssue({ code: 'custom', message: `${a.key}: categorical attributes need a vocab` });
    }
    if (a.kind === 'series' && !a.quarterTemplates) {
      ctx.addIssue({ code: 'custom', message: `${a.key}: series need quarterTemplates` });
    }
    if (a.kind === 'person' && !a.role) ctx.addIssue({ code: 'custom', message: `${a.key}: person needs a role` });
  });

const namePart = z.object({ word: z.string().regex(/^[A-Z][a-z]+$/), abbr: z.string().regex(/^[A-Z]+$/) });

export const domainLibrarySchema = z.object({
  name: z.string().regex(/^[a-z_]+$/),
  entityNoun: z.string().min(1),
  entityPlural: z.string().min(1),
  description: z.string().min(1),
  tags: nonEmpty,
  names: z.object({ prefixes: z.array(namePart).min(6), suffixes: z.array(namePart).min(4) }),
  people: z.object({ first: z.array(z.string()).min(10), last: z.array(z.string()).min(10) }),
  /** The person attribute whose holder may serve as the entity's person alias. */
  leader: z.string(),
  attributes: z.array(attributeSchema).min(15),
  /** Ratio questions: [numerator fact key, denominator fact key]. */
  ratios: z.array(z.tuple([z.string(), z.string()])).min(2),
  extremes: z.object({ max: z.string(), min: z.string() }),
  questions: z.object({
    argmax: nonEmpty,
    filter: nonEmpty,
    sum: nonEmpty,
    average: nonEmpty,
    growth: nonEmpty,
    decline: nonEmpty,
    ratio: nonEmpty,
    chain: nonEmpty,
  }),
  aliasIntros: z.object({ abbreviation: nonEmpty, aka: nonEmpty, hereafter: nonEmpty, person: nonEmpty }),
  /** How later paragraphs refer to an entity through its person alias: `{person}`, `{surname}`. */
  personSurfaces: nonEmpty,
  trap: z.object({ preliminary: nonEmpty, confirmed: nonEmpty, correction: nonEmpty }),
  relational: z.array(z.object({ above: z.string(), below: z.string() })).min(1),
  decoys: nonEmpty,
  memos: z.object({ headers: nonEmpty, roles: nonEmpty, lines: nonEmpty, approx: nonEmpty }),
  background: nonEmpty,
});

export type DomainLibrary = z.infer<typeof domainLibrarySchema>;
export type DomainAttribute = DomainLibrary['attributes'][number];

const DOMAINS_DIR = new URL('./domains/', import.meta.url);
const cache = new Map<string, DomainLibrary>();

/** Names of the available domains, sorted (from the JSON files present). */
export function domainNames(): string[] {
  return readdirSync(DOMAINS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Loads and validates one domain library (cached). */
export function loadDomain(name: string): DomainLibrary {
  const cached = cache.get(name);
  if (cached) return cached;
  if (!domainNames().includes(name)) {
    throw new MinerError('INVALID_INPUT', `Unknown challenge domain "${name}".`, {
      hint: `Use one of: ${domainNames().join(', ')} (see \`sandbox domains\`).`,
    });
  }
  const raw: unknown = JSON.parse(readFileSync(new URL(`${name}.json`, DOMAINS_DIR), 'utf8'));
  const parsed = domainLibrarySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MinerError('UNEXPECTED', `Domain library "${name}" is invalid at ${issue?.path.join('.') ?? '?'}.`, {
      details: issue?.message,
      hint: 'Fix the JSON library file under src/sandbox/generator/domains/.',
    });
  }
  checkReferences(parsed.data);
  cache.set(name, parsed.data);
  return parsed.data;
}

/** Cross-field checks zod cannot express: keys referenced by ratios/leader/after exist. */
function checkReferences(lib: DomainLibrary): void {
  const facts = new Set(factKeys(lib));
  const attrs = new Map(lib.attributes.map((a) => [a.key, a]));
  const problems: string[] = [];
  if (attrs.get(lib.leader)?.kind !== 'person') problems.push(`leader ${lib.leader} is not a person attribute`);
  for (const [num, den] of lib.ratios) {
    if (!facts.has(num) || !facts.has(den)) problems.push(`ratio ${num}/${den} names an unknown fact`);
  }
  for (const a of lib.attributes) {
    if (a.after && attrs.get(a.after.key)?.kind !== 'year') problems.push(`${a.key}.after is not a year attribute`);
  }
  if (new Set(lib.names.prefixes.map((p) => p.abbr)).size !== lib.names.prefixes.length) {
    problems.push('prefix abbreviations must be unique');
  }
  if (problems.length > 0) {
    throw new MinerError('UNEXPECTED', `Domain library "${lib.name}" is inconsistent.`, {
      details: problems.join('; '),
      hint: 'Fix the JSON library file under src/sandbox/generator/domains/.',
    });
  }
}

const factKeyCache = new WeakMap<DomainLibrary, string[]>();

/** Every fact key of an entity: a series expands to `<key>.q1`…`<key>.q4`. */
export function factKeys(lib: DomainLibrary): string[] {
  let keys = factKeyCache.get(lib);
  if (!keys) {
    keys = lib.attributes.flatMap((a) => (a.kind === 'series' ? quarterKeys(a.key) : [a.key]));
    factKeyCache.set(lib, keys);
  }
  return keys.slice();
}

export const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

export function quarterKeys(seriesKey: string): string[] {
  return QUARTERS.map((q) => `${seriesKey}.${q}`);
}

/** The attribute a fact key belongs to (a series quarter belongs to its series). */
export function attributeOfFact(lib: DomainLibrary, factKey: string): DomainAttribute {
  const direct = lib.attributes.find((a) => a.key === factKey);
  if (direct) return direct;
  const series = lib.attributes.find((a) => a.kind === 'series' && factKey.startsWith(`${a.key}.q`));
  if (!series) throw new Error(`unknown fact key ${factKey}`);
  return series;
}

/** The phrase of a fact key: the attribute phrase, or "Q2 revenue" for a series quarter. */
export function factPhrase(lib: DomainLibrary, factKey: string): string {
  const attr = attributeOfFact(lib, factKey);
  if (attr.key === factKey) return attr.phrase;
  return `${factKey.slice(attr.key.length + 1).toUpperCase()} ${attr.phrase}`;
}
