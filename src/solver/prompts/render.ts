/**
 * Prompts are data: Markdown templates next to this file with `{{placeholders}}`. Challenge
 * text only ever enters a prompt through `dataBlock`, fenced by markers derived from the
 * content's own hash, so the text cannot close its block early and pose as instructions.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

export type PromptName =
  | 'system'
  | 'hybrid'
  | 'hybrid-refetch'
  | 'hybrid-reanswer'
  | 'hybrid-retry-answers'
  | 'llm'
  | 'llm-repair'
  | 'llm-retry'
  | 'json-retry'
  | 'critiques';

export function loadPrompt(name: PromptName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./${name}.md`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Fills `{{name}}` placeholders; a placeholder without a value is a bug, not an empty string. */
export function fillPrompt(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`prompt placeholder {{${key}}} has no value`);
    return value;
  });
}

export function renderPrompt(name: PromptName, values: Record<string, string> = {}): string {
  return fillPrompt(loadPrompt(name), values).trim();
}

/** Untrusted text between BEGIN/END markers that carry a digest of the text itself. */
export function dataBlock(label: string, content: string): string {
  const tag = createHash('sha256').update(content).digest('hex').slice(0, 12);
  return `<<<BEGIN DATA ${label} ${tag}>>>\n${content}\n<<<END DATA ${label} ${tag}>>>`;
}

/** The header lines every solver prompt starts with (the declared response schema and where it belongs). */
export function promptHeader(schema: string, challengeId: string, attempt: number): string {
  // The id comes from the payload: keep it to one line of id characters.
  const id = challengeId.replace(/[^\w.:-]/g, '_').slice(0, 200);
  return [`Response-Schema: ${schema}`, `Challenge-Id: ${id}`, `Attempt: ${attempt}`].join('\n');
}
