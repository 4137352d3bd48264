/**
 * The payload's `solveInstructions`: plain instructions (the miner treats them as untrusted
 * data): canonical attribute keys with their phrases, the trace format, the artifact rules.
 */
import { attributeOfFact, factKeys, factPhrase, type DomainLibrary } from './library.js';

export function solveInstructions(lib: DomainLibrary, traceRange: { minSteps: number; maxSteps: number }): string {
  const keys = factKeys(lib)
    .map((k) => {
      const attr = attributeOfFact(lib, k);
      const unit = attr.unit === 'money' ? ' ($ millions, integer)' : attr.kind === 'year' ? ' (year)' : '';
      return `- ${k}: ${factPhrase(lib, k)}${unit}`;
    })
    .join('\n');
  return [
    `Read the document about ${lib.entityPlural} and answer the ten questions with ${lib.entityNoun} names exactly as listed in "entities".`,
    'Values stated as preliminary, planned or uncurated are superseded by later confirmed, verified or audited values; use the final verified value even when the main paragraph holds the earlier one.',
    'Targets, alternative analyses and retracted reports are not facts. Some values are given only relative to another entity ("exactly N above X\'s"); compute them.',
    `${lib.entityPlural.charAt(0).toUpperCase()}${lib.entityPlural.slice(1)} appear under aliases (abbreviations, letter transpositions, initials, a person's name).`,
    '',
    'Canonical attribute keys (use them as "attribute" in extract_fact steps):',
    keys,
    'A value stated relative to another entity is traced as extract_fact of the base value, extract_fact of "<key>.delta" for the entity (cited at the relational paragraph), then compute_logic add.',
    '',
    `Reasoning trace: a JSON array of ${traceRange.minSteps} to ${traceRange.maxSteps} steps, each with a unique string step_id.`,
    '- {"step_id":"e1","action":"extract_fact","targetEntity":"<entity>","attribute":"<canonical key>","valueExtracted":<number or string>,"source":"paragraph_N"}; the cited paragraph must name the entity (or an alias) and state the value.',
    '- {"step_id":"c1","action":"compute_logic","operation":"<add|sum|subtract|multiply|divide|mod|max|min|average|next_prime|round|abs_diff|ratio|count|compare_equal|compare_greater_than|compare_less_than>","inputs":["e1",10],"result":<number or boolean>}; results are recomputed, so split compound math into atomic steps (prime: mod, add, next_prime).',
    '',
    'Artifact: one line of words separated by single spaces, exactly the requested number of words, no punctuation-only words; it must satisfy every constraint. Submit the artifact, the trace and the answers keyed by question id.',
  ].join('\n');
}
