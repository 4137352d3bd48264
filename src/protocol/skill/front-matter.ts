import { parse } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  warnings: string[];
}

const FENCE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits YAML front-matter (`---` … `---`) from the Markdown body; bad YAML becomes a warning. */
export function splitFrontMatter(markdown: string): FrontMatter {
  const match = FENCE.exec(markdown);
  if (!match) return { data: {}, body: markdown, warnings: ['no YAML front-matter (name, description, metadata) found'] };
  const body = markdown.slice(match[0].length);
  try {
    const data: unknown = parse(match[1] as string);
    if (data && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown>, body, warnings: [] };
    return { data: {}, body, warnings: ['the front-matter is not a YAML mapping'] };
  } catch (error) {
    return { data: {}, body, warnings: [`the front-matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
}
