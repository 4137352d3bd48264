/**
 * What a solver prompt declares, read from its last user message: the `Response-Schema`,
 * `Challenge-Id` and `Attempt` header lines, the latest `Fact-Requests:` JSON line, and the document's
 * `[paragraph_N]` lines (to pick a paragraph that does not state a value, for `bad_citation`).
 */

export interface ReplayRequest {
  schema: string | undefined;
  challengeId: string | undefined;
  attempt: number | undefined;
  factRequests: FactRequest[];
  paragraphs: Map<number, string>;
}

export interface FactRequest {
  id: string;
  /** Hybrid: the question whose answer entity is meant. */
  question?: string;
  /** Refetch: the entity named. */
  entity?: string;
  attribute: string;
}

interface ChatBody {
  messages?: Array<{ role?: string; content?: unknown }>;
}

function header(text: string, name: string): string | undefined {
  return new RegExp(`^${name}:[ \\t]*(\\S+)[ \\t]*$`, 'm').exec(text)?.[1];
}

function factRequests(text: string): FactRequest[] {
  const line = /^Fact-Requests:[ \t]*(\[.*\])[ \t]*$/m.exec(text)?.[1];
  if (!line) return [];
  try {
    const parsed: unknown = JSON.parse(line);
    return Array.isArray(parsed) ? parsed.filter((r): r is FactRequest => typeof r === 'object' && r !== null && typeof (r as FactRequest).id === 'string') : [];
  } catch {
    return [];
  }
}

export function readRequest(body: unknown): ReplayRequest {
  const messages = (body as ChatBody | undefined)?.messages ?? [];
  const users = messages.filter((m) => m.role === 'user' && typeof m.content === 'string').map((m) => m.content as string);
  const last = users.at(-1) ?? '';
  const paragraphs = new Map<number, string>();
  for (const text of users) for (const m of text.matchAll(/^\[paragraph_(\d+)\][ \t]*(.*)$/gm)) paragraphs.set(Number(m[1]), m[2] as string);
  const attempt = Number(header(last, 'Attempt'));
  return {
    schema: header(last, 'Response-Schema'),
    challengeId: header(last, 'Challenge-Id'),
    attempt: Number.isInteger(attempt) ? attempt : undefined,
    // A "reply again with valid JSON" turn repeats the schema line but not the requests.
    factRequests: factRequests(users.findLast((text) => /^Fact-Requests:/m.test(text)) ?? ''),
    paragraphs,
  };
}
