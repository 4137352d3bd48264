/**
 * Discovery: fetch evaluator cards from configured URLs and validate them. An unreachable or
 * invalid card is reported in `problems` and skipped; it never stops discovery of the rest.
 */
import { fieldProblems } from '../../challenge/zod-issues.js';
import {
  CARD_PATH,
  evaluatorCardSchema,
  evaluatorIdOf,
  paymentTermsSchema,
  X402_EXTENSION_URI,
  type EvaluatorCard,
} from '../protocol/card.js';
import { FEEDBACK_VERSION } from '../protocol/feedback.js';

export interface DiscoveryProblem {
  url: string;
  message: string;
}

export interface DiscoveryResult {
  cards: EvaluatorCard[];
  problems: DiscoveryProblem[];
}

export interface DiscoverOptions {
  fetch?: typeof globalThis.fetch;
  /** Per-card timeout (default 5 s). */
  timeoutMs?: number;
}

/** A base URL gets the well-known card path; a URL that already names a `.json` file is used as is. */
export function cardUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  return /\.json(\?.*)?$/i.test(trimmed) ? trimmed : `${trimmed}${CARD_PATH}`;
}

/** Validates one card document; returns the card or what is wrong with it. */
export function parseEvaluatorCard(url: string, document: unknown): EvaluatorCard | DiscoveryProblem {
  const shape = evaluatorCardSchema.safeParse(document);
  if (!shape.success) {
    const problems = fieldProblems(shape.error, document).map((p) => `${p.path} ${p.message}`);
    return { url, message: `not an A2A agent card: ${problems.join('; ')}` };
  }
  const extension = shape.data.capabilities.extensions.find((e) => e.uri === X402_EXTENSION_URI);
  if (!extension) return { url, message: `the card has no x402 payment extension (${X402_EXTENSION_URI})` };
  const terms = paymentTermsSchema.safeParse(extension.params);
  if (!terms.success) {
    const problems = fieldProblems(terms.error, extension.params).map((p) => `${p.path} ${p.message}`);
    return { url, message: `invalid x402 payment terms: ${problems.join('; ')}` };
  }
  if (terms.data.feedbackVersion !== FEEDBACK_VERSION) {
    return { url, message: `speaks feedback schema ${terms.data.feedbackVersion}; this miner speaks ${FEEDBACK_VERSION}` };
  }
  const tags = [...new Set(shape.data.skills.flatMap((s) => s.tags.map((t) => t.toLowerCase())))];
  return { url, card: shape.data, terms: terms.data, id: evaluatorIdOf(terms.data), tags };
}

export function isDiscoveryProblem(value: EvaluatorCard | DiscoveryProblem): value is DiscoveryProblem {
  return 'message' in value;
}

async function fetchCard(url: string, options: DiscoverOptions): Promise<EvaluatorCard | DiscoveryProblem> {
  const fetcher = options.fetch ?? globalThis.fetch;
  const target = cardUrl(url);
  let response: Response;
  try {
    response = await fetcher(target, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
  } catch (error) {
    return { url: target, message: `unreachable: ${(error as Error).message}` };
  }
  if (!response.ok) return { url: target, message: `HTTP ${response.status}` };
  let document: unknown;
  try {
    document = await response.json();
  } catch {
    return { url: target, message: 'the card is not JSON' };
  }
  return parseEvaluatorCard(target, document);
}

export async function discoverEvaluators(urls: readonly string[], options: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const results = await Promise.all(urls.map((url) => fetchCard(url, options)));
  const cards: EvaluatorCard[] = [];
  const problems: DiscoveryProblem[] = [];
  for (const result of results) {
    if (isDiscoveryProblem(result)) problems.push(result);
    else cards.push(result);
  }
  return { cards, problems };
}
