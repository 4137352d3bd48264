import type { SkillInfo } from './types.js';
import { splitFrontMatter } from './front-matter.js';
import { extractEndpoints } from './endpoints.js';
import { extractContracts } from './contracts.js';
import { detectGeneration, detectLane } from './generation.js';

/**
 * Reads an operator skill file (Markdown with YAML front-matter) fetched from `baseUrl`: its
 * endpoints, lane and generation, contract table and coordinator URL. Never throws on content:
 * whatever cannot be read becomes a warning.
 */
export function parseSkillFile(markdown: string, baseUrl: string): SkillInfo {
  const { data, body, warnings } = splitFrontMatter(markdown);
  const coordinatorUrl = declaredCoordinator(markdown) ?? coordinatorFromSkillUrl(baseUrl);
  const origins = [originOf(baseUrl), coordinatorUrl && originOf(coordinatorUrl)].filter((o): o is string => Boolean(o));
  const endpoints = extractEndpoints(body, origins);
  const { contracts, warnings: contractWarnings } = extractContracts(body);
  const lane = detectLane(markdown, endpoints);
  const metadata = isRecord(data.metadata) ? data.metadata : {};
  const chainId = declaredChainId(metadata, markdown);
  return {
    ...(typeof data.name === 'string' ? { name: data.name } : {}),
    ...(typeof data.description === 'string' ? { description: data.description } : {}),
    metadata,
    endpoints,
    lane,
    generation: detectGeneration(markdown, lane),
    contracts,
    ...(coordinatorUrl ? { coordinatorUrl } : {}),
    ...(chainId !== undefined ? { chainId } : {}),
    warnings: [...warnings, ...contractWarnings, ...(endpoints.length === 0 ? ['no endpoints found'] : [])],
  };
}

/** `COORDINATOR_URL=https://…` / `export COORDINATOR_URL="https://…"` in the text. */
function declaredCoordinator(markdown: string): string | undefined {
  const match = /COORDINATOR_URL\s*[=:]\s*["'`]?(https?:\/\/[^\s"'`)<>]+)/.exec(markdown);
  return match ? (match[1] as string).replace(/\/+$/, '') : undefined;
}

/** A skill served at `<coordinator>/.well-known/skill.md` names its coordinator by its location. */
function coordinatorFromSkillUrl(baseUrl: string): string | undefined {
  const at = baseUrl.indexOf('/.well-known/skill.md');
  return at > 0 && /^https?:\/\//.test(baseUrl) ? baseUrl.slice(0, at) : undefined;
}

function declaredChainId(metadata: Record<string, unknown>, markdown: string): number | undefined {
  if (typeof metadata.chainId === 'number' && Number.isSafeInteger(metadata.chainId)) return metadata.chainId;
  const match = /chain[ _-]?id\b["'`]?\s*[:=]?\s*["'`]?(\d{1,12})\b/i.exec(markdown);
  return match ? Number(match[1]) : undefined;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
