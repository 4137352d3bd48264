/**
 * Evaluates parsed constraints against an artifact (protocol §7.3). Inputs (answers, facts)
 * come from a `FactSource`; an input the source lacks makes the constraint `unchecked` with a
 * reason naming it — it is neither passed nor failed, and it does not count as passing.
 */
import { parseNumeric } from '../../challenge/values.js';
import { modTerm, nextPrime } from '../math.js';
import type { ConstraintResult, ConstraintStatus, FactSource, ModTerm, ParsedConstraint } from '../types.js';
import { initials, isPunctuationOnly, quote, viewArtifact, type ArtifactView } from './artifact.js';

interface Verdict {
  status: ConstraintStatus;
  reason: string;
  expected?: string;
}

type ParamsOf<K extends ParsedConstraint['kind']> = Extract<ParsedConstraint, { kind: K }>['params'];
type Evaluator<K extends ParsedConstraint['kind']> = (params: ParamsOf<K>, artifact: ArtifactView, facts: FactSource) => Verdict;

/** Thrown by the input resolvers below; turned into an `unchecked` verdict naming the input. */
class MissingInput extends Error {}

function answerTo(facts: FactSource, question: number): string {
  const answer = facts.answerTo(question);
  if (answer === undefined || answer.trim() === '') throw new MissingInput(`no answer to Question ${question}`);
  return answer.trim();
}

function attributeOf(facts: FactSource, question: number, attribute: string): { entity: string; value: string | number } {
  const entity = answerTo(facts, question);
  const value = facts.attributeOf(entity, attribute);
  if (value === undefined || value === '') {
    throw new MissingInput(`no fact for the ${attribute} of ${entity} (the answer to Question ${question})`);
  }
  return { entity, value };
}

function termValue(facts: FactSource, term: ModTerm): number {
  const { entity, value } = attributeOf(facts, term.question, term.attribute);
  const number = typeof value === 'number' ? value : parseNumeric(value);
  if (number === undefined || !Number.isFinite(number)) {
    throw new MissingInput(`the ${term.attribute} of ${entity} (Question ${term.question}) is not numeric: ${quote(String(value))}`);
  }
  return modTerm(number, term.modulus, term.offset);
}

function wordCount({ count }: ParamsOf<'word_count'>, artifact: ArtifactView): Verdict {
  const problems: string[] = [];
  const lineBreak = artifact.text.search(/[\r\n]/);
  if (lineBreak >= 0) problems.push(`not a single line: line break at character ${lineBreak + 1}`);
  const { tokens, words } = artifact;
  if (tokens[0] === '' && words.length > 0) problems.push('leading space');
  if (tokens.length > 1 && tokens[tokens.length - 1] === '') problems.push('trailing space');
  tokens.forEach((token, i) => {
    if (token === '' && i > 0 && i < tokens.length - 1 && tokens[i - 1] !== '') {
      problems.push(`double space after ${quote(tokens[i - 1] ?? '')}`);
    }
  });
  const otherSpace = words.filter((word) => /[^\S\r\n]/.test(word));
  if (otherSpace.length > 0) problems.push(`whitespace other than a space (tab, no-break space) in ${otherSpace.map(quote).join(', ')}`);
  const punctuation = words.filter(isPunctuationOnly);
  if (punctuation.length > 0) {
    problems.push(`punctuation-only word ${punctuation.map(quote).join(', ')} (may not count as a word)`);
  }
  if (words.length !== count) problems.push(`${words.length} words, needs exactly ${count}`);
  return problems.length === 0
    ? { status: 'pass', reason: `${count} words on one line`, expected: String(count) }
    : { status: 'fail', reason: `word count: ${problems.join('; ')}`, expected: String(count) };
}

function requiredToken({ question, attribute }: ParamsOf<'required_token'>, artifact: ArtifactView, facts: FactSource): Verdict {
  const { entity, value } = attributeOf(facts, question, attribute);
  const token = String(value);
  const what = `the ${attribute} of ${entity} (Question ${question})`;
  return artifact.text.includes(token)
    ? { status: 'pass', reason: `contains ${quote(token)}, ${what}`, expected: token }
    : { status: 'fail', reason: `required token: ${quote(token)} (${what}) is not in the artifact`, expected: token };
}

function prime(term: ParamsOf<'prime'>, artifact: ArtifactView, facts: FactSource): Verdict {
  const expected = String(nextPrime(termValue(facts, term)));
  if (artifact.numbers.includes(expected)) return { status: 'pass', reason: `contains the prime ${expected}`, expected };
  const found = artifact.numbers.length > 0 ? `numbers found: ${artifact.numbers.join(', ')}` : 'no number found';
  return { status: 'fail', reason: `prime: ${expected} does not appear as a number (${found})`, expected };
}

function equation({ a, b }: ParamsOf<'equation'>, artifact: ArtifactView, facts: FactSource): Verdict {
  const left = termValue(facts, a);
  const right = termValue(facts, b);
  const expected = `${left}+${right}=${left + right}`;
  const found: string[] = artifact.text.match(/\d+(?:\.\d+)?\s*\+\s*\d+(?:\.\d+)?\s*=\s*\d+(?:\.\d+)?/g) ?? [];
  if (found.includes(expected)) return { status: 'pass', reason: `contains ${expected}`, expected };
  const seen = found.length > 0 ? `found ${found.map(quote).join(', ')}` : 'no A+B=C token found';
  return { status: 'fail', reason: `equation: needs ${expected}; ${seen}`, expected };
}

function acrostic({ count, questions }: ParamsOf<'acrostic'>, artifact: ArtifactView, facts: FactSource): Verdict {
  const expected = questions.map((q) => initials(answerTo(facts, q))).join('').slice(0, count);
  const wrong = [...expected].findIndex((letter, i) => (artifact.words[i] ?? '').charAt(0).toUpperCase() !== letter);
  if (wrong < 0) return { status: 'pass', reason: `first ${expected.length} words spell ${expected}`, expected };
  const word = artifact.words[wrong];
  const detail = word === undefined ? `there is no word ${wrong + 1}` : `word ${wrong + 1} ${quote(word)} starts with ${quote(word.charAt(0))}`;
  return { status: 'fail', reason: `acrostic: ${detail}, needs ${quote(expected[wrong] ?? '')} (first words must spell ${expected})`, expected };
}

function forbiddenLetter({ letter }: ParamsOf<'forbidden_letter'>, artifact: ArtifactView): Verdict {
  const offending = artifact.words.filter((word) => word.toLowerCase().includes(letter));
  return offending.length === 0
    ? { status: 'pass', reason: `no letter ${quote(letter)}`, expected: letter }
    : { status: 'fail', reason: `forbidden letter ${quote(letter)} in ${offending.map(quote).join(', ')}`, expected: letter };
}

const evaluators: { [K in ParsedConstraint['kind']]: Evaluator<K> } = {
  word_count: wordCount,
  required_token: requiredToken,
  prime,
  equation,
  acrostic,
  forbidden_letter: forbiddenLetter,
  tip: () => ({ status: 'pass', reason: 'informational' }),
  unknown: () => ({ status: 'unchecked', reason: 'constraint not understood by the checker; check it by hand' }),
};

/** Evaluates one parsed constraint; `artifact` may be a prepared view (see `viewArtifact`). */
export function evaluateConstraint(constraint: ParsedConstraint, artifact: string | ArtifactView, facts: FactSource): ConstraintResult {
  const view = typeof artifact === 'string' ? viewArtifact(artifact) : artifact;
  const evaluate = evaluators[constraint.kind] as Evaluator<ParsedConstraint['kind']>;
  let verdict: Verdict;
  try {
    verdict = evaluate(constraint.params, view, facts);
  } catch (error) {
    if (!(error instanceof MissingInput)) throw error;
    verdict = { status: 'unchecked', reason: `cannot check: ${error.message}` };
  }
  const reason = constraint.kind === 'unknown' ? `${verdict.reason}: ${JSON.stringify(constraint.text)}` : verdict.reason;
  return { index: constraint.index, kind: constraint.kind, params: { ...constraint.params }, ...verdict, reason };
}
