/**
 * Picks ten questions covering the five shapes of protocol §7.2 (argmax/argmin, filter then
 * argmax, series reductions incl. "any negative growth", ratios, chains), each with a unique
 * winner by the margin in `hasMargin` and filters that keep at least two entities.
 */
import type { Prng } from '../../util/prng.js';
import { attributeOfFact, factKeys, factPhrase, type DomainLibrary } from './library.js';
import { fillTemplate, capitalize } from './template.js';
import { evaluateQuestion, hasMargin, type HopResult, type Pick, type QuestionResult, type QuestionSpec, type Shape } from './evaluate.js';
import { worldReader, type World } from './world.js';

export interface SelectedQuestion {
  spec: QuestionSpec;
  result: QuestionResult;
  text: string;
}

const SLOTS: Shape[] = ['argmax', 'argmin', 'filter_argmax', 'filter_argmax', 'series_reduce', 'series_reduce', 'ratio', 'ratio', 'chain', 'chain'];
const TRIES_PER_SLOT = 200;

function numericFacts(lib: DomainLibrary): string[] {
  return factKeys(lib).filter((k) => {
    const kind = attributeOfFact(lib, k).kind;
    return kind === 'number' || kind === 'year' || kind === 'series';
  });
}

function categoryAttributes(lib: DomainLibrary): string[] {
  return lib.attributes.filter((a) => a.kind === 'category').map((a) => a.key);
}

function randomSpec(shape: Shape, world: World, rng: Prng): QuestionSpec {
  const lib = world.lib;
  const numeric = numericFacts(lib);
  const pick = (): Pick => (rng.chance(50) ? 'max' : 'min');
  switch (shape) {
    case 'argmax':
    case 'argmin':
      return { shape, hops: [{ pick: shape === 'argmax' ? 'max' : 'min', score: { kind: 'value', fact: rng.pick(numeric) } }] };
    case 'filter_argmax': {
      const attribute = rng.pick(categoryAttributes(lib));
      const value = world.values.get(rng.pick(world.entities).name)?.get(attribute) as string;
      return { shape, hops: [{ pick: pick(), score: { kind: 'value', fact: rng.pick(numeric) }, filter: { kind: 'category', attribute, value } }] };
    }
    case 'series_reduce': {
      const series = rng.pick(lib.attributes.filter((a) => a.kind === 'series')).key;
      const kind = rng.pick(['sum', 'average', 'growth', 'decline'] as const);
      if (kind === 'decline') {
        return { shape, hops: [{ pick: pick(), score: { kind: 'value', fact: rng.pick(numeric) }, filter: { kind: 'decline', series } }] };
      }
      return { shape, hops: [{ pick: pick(), score: { kind, series } }] };
    }
    case 'ratio': {
      const [numerator, denominator] = rng.pick(lib.ratios);
      return { shape, hops: [{ pick: pick(), score: { kind: 'ratio', numerator, denominator } }] };
    }
    case 'chain':
      return {
        shape,
        via: rng.pick(categoryAttributes(lib)),
        hops: [
          { pick: pick(), score: { kind: 'value', fact: rng.pick(numeric) } },
          { pick: pick(), score: { kind: 'value', fact: rng.pick(numeric) } },
        ],
      };
  }
}

function hopIsSound(hop: HopResult, world: World): boolean {
  if (hop.filter && hop.candidates.length < 2) return false;
  if (hop.filter?.kind === 'decline' && hop.candidates.length === world.entities.length) return false;
  const isYear = hop.score.kind === 'value' && attributeOfFact(world.lib, hop.score.fact).kind === 'year';
  return hasMargin(hop, isYear);
}

function extremeWord(lib: DomainLibrary, fact: string | undefined, pick: Pick): string {
  const own = fact ? attributeOfFact(lib, fact).extremes : undefined;
  return (own ?? lib.extremes)[pick];
}

/** The question's text from the library's templates. */
export function questionText(spec: QuestionSpec, world: World, rng: Prng): string {
  const lib = world.lib;
  const [first, second] = spec.hops as [QuestionSpec['hops'][number], QuestionSpec['hops'][number] | undefined];
  const base = { noun: lib.entityNoun, plural: lib.entityPlural };
  const score = first.score;
  const fact = score.kind === 'value' ? score.fact : undefined;
  let templates: string[];
  let vars: Record<string, string> = { ...base, extreme: extremeWord(lib, fact, first.pick) };
  if (spec.shape === 'chain' && second && second.score.kind === 'value' && fact && spec.via) {
    templates = lib.questions.chain;
    vars = {
      ...base,
      extreme1: extremeWord(lib, fact, first.pick),
      phrase1: factPhrase(lib, fact),
      via: factPhrase(lib, spec.via),
      extreme2: extremeWord(lib, second.score.fact, second.pick),
      phrase2: factPhrase(lib, second.score.fact),
    };
  } else if (score.kind === 'ratio') {
    templates = lib.questions.ratio;
    vars = { ...vars, numerator: factPhrase(lib, score.numerator), denominator: factPhrase(lib, score.denominator) };
  } else if (score.kind === 'sum' || score.kind === 'average' || score.kind === 'growth') {
    templates = lib.questions[score.kind];
    vars = { ...vars, series: factPhrase(lib, score.series) };
  } else if (first.filter?.kind === 'decline' && score.kind === 'value') {
    templates = lib.questions.decline;
    vars = { ...vars, series: factPhrase(lib, first.filter.series), phrase: factPhrase(lib, score.fact) };
  } else if (first.filter?.kind === 'category' && score.kind === 'value') {
    templates = lib.questions.filter;
    vars = { ...vars, phrase: factPhrase(lib, score.fact), filterPhrase: factPhrase(lib, first.filter.attribute), filterValue: first.filter.value };
  } else {
    templates = lib.questions.argmax;
    vars = { ...vars, phrase: factPhrase(lib, fact as string) };
  }
  return capitalize(fillTemplate(rng.pick(templates), vars));
}

/** Ten sound, distinct questions in random order, or undefined when this world cannot carry them. */
export function selectQuestions(world: World, rng: Prng): SelectedQuestion[] | undefined {
  const names = world.entities.map((e) => e.name);
  const reader = worldReader(world);
  const chosen: SelectedQuestion[] = [];
  const signatures = new Set<string>();
  for (const slot of rng.shuffle(SLOTS)) {
    let found: SelectedQuestion | undefined;
    for (let i = 0; i < TRIES_PER_SLOT && !found; i += 1) {
      const spec = randomSpec(slot, world, rng);
      const signature = JSON.stringify(spec);
      if (signatures.has(signature)) continue;
      const result = evaluateQuestion(spec, names, reader);
      if (!result.hops.every((hop) => hopIsSound(hop, world))) continue;
      signatures.add(signature);
      found = { spec, result: evaluateQuestion(spec, names, reader, true), text: questionText(spec, world, rng) };
    }
    if (!found) return undefined;
    chosen.push(found);
  }
  return chosen;
}
