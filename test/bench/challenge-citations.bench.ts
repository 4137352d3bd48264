/**
 * The checker resolves ~100 citations per check against a 100-paragraph document; the budget
 * for a whole check is 5 ms. Measures the challenge-model share: paragraph index, entity
 * mention and value statement per citation (first call builds caches, later calls reuse them).
 */
import { bench, describe } from 'vitest';
import { learnAliases, textMentionsEntity } from '../../src/challenge/entities.js';
import { ParagraphIndex } from '../../src/challenge/paragraphs.js';
import { textStatesValue } from '../../src/challenge/values.js';

const entities = Array.from({ length: 16 }, (_, i) => `Northwind ${['Analytics', 'Assurance', 'Biotech', 'Mobility'][i % 4]} ${String.fromCharCode(65 + i)}x`);
const paragraphs = Array.from({ length: 100 }, (_, i) => {
  const entity = entities[i % entities.length] ?? '';
  return `[paragraph_${i + 1}] ${entity} (NW${String.fromCharCode(65 + (i % 16))}) reported Q${(i % 4) + 1} revenue of $${(4 + i / 100).toFixed(2)} billion, up from 3,${100 + i}M; a retracted memo said ${12_000 + i} in ${1990 + (i % 30)}.`;
});
const doc = paragraphs.join('\n\n');
const citations = Array.from({ length: 100 }, (_, i) => ({
  source: `paragraph_${i + 1}`,
  entity: entities[i % entities.length] ?? '',
  value: i % 2 === 0 ? 4000 + i * 10 : `3,${100 + i}`,
}));

function checkAll(index: ParagraphIndex, aliases: Record<string, string[]>): number {
  let ok = 0;
  for (const citation of citations) {
    const paragraph = index.cite(citation.source);
    if (paragraph && textMentionsEntity(paragraph.text, citation.entity, aliases[citation.entity]) && textStatesValue(paragraph.text, citation.value)) ok += 1;
  }
  return ok;
}

describe('100 citations over a 100-paragraph document', () => {
  const aliases = learnAliases(doc, entities);
  const index = new ParagraphIndex(doc);
  bench('index + 100 citations (warm caches)', () => {
    checkAll(new ParagraphIndex(doc), aliases);
  });
  bench('100 citations on a shared index', () => {
    checkAll(index, aliases);
  });
  bench('learnAliases over the document (once per challenge)', () => {
    learnAliases(doc, entities);
  });
});
