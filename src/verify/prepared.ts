/**
 * Everything the checker derives from a challenge alone — parsed constraints, paragraphs by
 * number, the roster and the aliases the document introduces — computed once per challenge
 * object (a WeakMap, so a challenge that is dropped takes its cache with it).
 */
import type { Challenge } from '../challenge/types.js';
import { learnAliases, type AliasMap } from '../challenge/entities.js';
import { ParagraphIndex } from '../challenge/paragraphs.js';
import { parseConstraint } from './constraints/parse.js';
import type { ParsedConstraint } from './types.js';

export interface PreparedChallenge {
  constraints: ParsedConstraint[];
  paragraphs: ParagraphIndex;
  /** Lower-cased roster name → roster name. */
  roster: Map<string, string>;
  /** Aliases learned from the document, keyed by roster name. */
  aliases: AliasMap;
}

const cache = new WeakMap<Challenge, PreparedChallenge>();

export function prepareChallenge(challenge: Challenge): PreparedChallenge {
  let prepared = cache.get(challenge);
  if (!prepared) {
    prepared = {
      constraints: challenge.constraints.map((c) => parseConstraint(c.text, c.index)),
      paragraphs: new ParagraphIndex(challenge.doc),
      roster: new Map(challenge.entities.map((name) => [name.toLowerCase(), name])),
      aliases: learnAliases(challenge.doc, challenge.entities),
    };
    cache.set(challenge, prepared);
  }
  return prepared;
}

/**
 * The learned aliases plus the caller's (an answer key's, say), keyed by roster name; a
 * caller's key is matched to the roster case-insensitively.
 */
export function mergedAliases(prepared: PreparedChallenge, extra: AliasMap = {}): AliasMap {
  const merged: AliasMap = {};
  for (const [name, aliases] of Object.entries(prepared.aliases)) merged[name] = [...aliases];
  for (const [name, aliases] of Object.entries(extra)) {
    const canonical = prepared.roster.get(name.toLowerCase()) ?? name;
    merged[canonical] = [...new Set([...(merged[canonical] ?? []), ...aliases])];
  }
  return merged;
}

/** Alias (lower-cased) → roster name, for resolving a name a trace or answer used. */
export function aliasIndex(prepared: PreparedChallenge, aliases: AliasMap): Map<string, string> {
  const index = new Map(prepared.roster);
  for (const [name, list] of Object.entries(aliases)) {
    for (const alias of list) if (!index.has(alias.toLowerCase())) index.set(alias.toLowerCase(), name);
  }
  return index;
}
