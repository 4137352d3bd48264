/**
 * Finds the JSON object in a model's reply: models wrap it in code fences, put prose before
 * or after it, or leave trailing commas. Only the first complete top-level object counts; a
 * reply cut off mid-object (a `length` stop) yields nothing, so the caller can ask again.
 */

export type JsonExtraction = { ok: true; value: Record<string, unknown> } | { ok: false; problem: string };

/** The end index (exclusive) of the balanced object starting at `start`, or -1 if it never closes. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Drops commas that directly precede `}` or `]` outside strings. */
function withoutTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const ch = json[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += json[i + 1] ?? '';
        i += 1;
      } else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',' && /^\s*[}\]]/.test(json.slice(i + 1))) continue;
    out += ch;
  }
  return out;
}

function parseObject(candidate: string): Record<string, unknown> | undefined {
  for (const text of [candidate, withoutTrailingCommas(candidate)]) {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // try the next variant
    }
  }
  return undefined;
}

export function extractJsonObject(text: string): JsonExtraction {
  let from = text.indexOf('{');
  if (from < 0) return { ok: false, problem: 'the reply contains no JSON object' };
  let sawUnclosed = false;
  while (from >= 0) {
    const end = objectEnd(text, from);
    if (end < 0) {
      sawUnclosed = true;
      break;
    }
    const value = parseObject(text.slice(from, end));
    if (value) return { ok: true, value };
    // Skip the whole unparseable span: an object nested inside it is not the reply.
    from = text.indexOf('{', end);
  }
  return { ok: false, problem: sawUnclosed ? 'the JSON object is cut off (truncated reply)' : 'the reply has braces but no parseable JSON object' };
}
