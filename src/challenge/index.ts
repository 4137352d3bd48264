/** The challenge model: payloads, solutions, paragraphs, values, entities and attributes. */
export type * from './types.js';
export { parseChallenge, detectGeneration, DEFAULT_TRACE_SUBMISSION } from './parse.js';
export { parseSolution } from './solution.js';
export { splitParagraphs, paragraphNumber, ParagraphIndex } from './paragraphs.js';
export { numericMentions, type NumericMention } from './numbers.js';
export { parseNumeric, textStatesValue, textStatesNumber, textStatesString } from './values.js';
export { learnAliases, textMentionsEntity, type AliasMap } from './entities.js';
export { attributeMatches, attributeTokens } from './attributes.js';
