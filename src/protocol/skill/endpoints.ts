import type { HttpMethod, SkillEndpoint } from './types.js';
import { markdownTables, plainCell } from './markdown-tables.js';

/**
 * Endpoints as skill files show them (spec/protocol.md §2): `METHOD /path` in prose, code and
 * tables (also split into Method/Path columns), and curl commands on `${COORDINATOR_URL}/v1/...`
 * (or on the coordinator's own origin) with their query strings.
 */
export function extractEndpoints(body: string, coordinatorOrigins: readonly string[]): SkillEndpoint[] {
  return merge([...fromMethodPathTables(body), ...fromText(body), ...fromCurls(body, coordinatorOrigins)]);
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const METHOD_PATH = /\b(GET|POST|PUT|PATCH|DELETE)\s+`?(\/[^\s`'"|)]+)/g;
const COORDINATOR_VAR_URL = /(?:\$\{COORDINATOR_URL\}|\$COORDINATOR_URL\b)(\/[^\s"'`]*)/;
const ABSOLUTE_URL = /(https?:\/\/[^\s"'`/]+)(\/[^\s"'`]*)/g;

function fromText(body: string): SkillEndpoint[] {
  const found: SkillEndpoint[] = [];
  for (const line of body.split(/\r?\n/)) {
    for (const match of line.matchAll(METHOD_PATH)) {
      // Only an explicit marker counts as auth in prose ("(+bearer)" in spec-style tables).
      const target = parseTarget(match[2] as string);
      if (target) found.push({ method: match[1] as HttpMethod, ...target, ...(/\+\s*bearer/i.test(line) ? { auth: true } : {}) });
    }
  }
  return found;
}

function fromMethodPathTables(body: string): SkillEndpoint[] {
  const found: SkillEndpoint[] = [];
  for (const table of markdownTables(body)) {
    const header = table.header.map((h) => plainCell(h).toLowerCase());
    const methodAt = header.findIndex((h) => h === 'method' || h === 'verb');
    const pathAt = header.findIndex((h) => h === 'path' || h === 'endpoint' || h === 'route');
    const authAt = header.findIndex((h) => h.includes('auth'));
    if (methodAt < 0 || pathAt < 0) continue;
    for (const row of table.rows) {
      const method = plainCell(row[methodAt] ?? '').toUpperCase() as HttpMethod;
      const target = parseTarget(plainCell(row[pathAt] ?? ''));
      if (!METHODS.includes(method) || !target) continue;
      const auth = authAt < 0 ? undefined : authValue(plainCell(row[authAt] ?? ''));
      found.push({ method, ...target, ...(auth === undefined ? {} : { auth }) });
    }
  }
  return found;
}

function fromCurls(body: string, origins: readonly string[]): SkillEndpoint[] {
  const found: SkillEndpoint[] = [];
  // A shell command continued with a trailing backslash is one command.
  const joined = body.replace(/\\\r?\n\s*/g, ' ');
  for (const line of joined.split(/\r?\n/)) {
    for (const command of line.split(/\bcurl\s/).slice(1)) {
      const url = coordinatorUrlIn(command, origins);
      const target = url === undefined ? undefined : parseTarget(url);
      if (!target) continue;
      found.push({
        method: curlMethod(command),
        ...target,
        ...(/authorization:\s*bearer/i.test(command) ? { auth: true } : {}),
      });
    }
  }
  return found;
}

function coordinatorUrlIn(command: string, origins: readonly string[]): string | undefined {
  const viaVariable = COORDINATOR_VAR_URL.exec(command);
  if (viaVariable) return viaVariable[1];
  for (const match of command.matchAll(ABSOLUTE_URL)) {
    if (origins.includes((match[1] as string).toLowerCase())) return match[2];
  }
  return undefined;
}

function curlMethod(command: string): HttpMethod {
  const explicit = /(?:-X|--request)\s*["']?([A-Za-z]+)/.exec(command)?.[1]?.toUpperCase() as HttpMethod | undefined;
  if (explicit && METHODS.includes(explicit)) return explicit;
  return /\s(?:-d|--data(?:-raw|-binary|-urlencode)?|--json|-F|--form)[\s=]/.test(` ${command} `) ? 'POST' : 'GET';
}

function authValue(cell: string): boolean | undefined {
  if (/^(no|none|public|false|-|—|–)$/i.test(cell)) return false;
  if (/bearer|yes|required|token|true/i.test(cell)) return true;
  return undefined;
}

/** `/v1/rig/attempt/${ATTEMPT_ID}?operator=${X}` → `{ path: '/v1/rig/attempt/{attemptId}', query: ['operator'] }`. */
function parseTarget(raw: string): { path: string; query: string[] } | undefined {
  const cleaned = raw.replace(/[.,;:]+$/, '');
  const at = cleaned.indexOf('?');
  const path = normalisePath(at < 0 ? cleaned : cleaned.slice(0, at));
  if (!path) return undefined;
  const query = at < 0 ? [] : cleaned.slice(at + 1).split('&').map((pair) => pair.split('=')[0] ?? '');
  return { path, query: unique(query.filter((name) => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name))) };
}

function normalisePath(raw: string): string | undefined {
  const path = raw
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => `{${camel(name)}}`)
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => `{${camel(name)}}`)
    .replace(/<([A-Za-z_][A-Za-z0-9_-]*)>/g, (_, name: string) => `{${camel(name)}}`)
    .replace(/\/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => `/{${camel(name)}}`)
    .replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => `{${camel(name)}}`)
    .replace(/(.)\/+$/, '$1');
  return /^\/[A-Za-z0-9._~{}/-]*[A-Za-z][A-Za-z0-9._~{}/-]*$/.test(path) ? path : undefined;
}

/** `ATTEMPT_ID` / `attempt_id` / `attempt-id` → `attemptId`; names already in camelCase stay. */
function camel(name: string): string {
  if (!/[_-]/.test(name) && name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function merge(sightings: SkillEndpoint[]): SkillEndpoint[] {
  const byRoute = new Map<string, SkillEndpoint>();
  for (const seen of sightings) {
    const key = `${seen.method} ${seen.path}`;
    const known = byRoute.get(key);
    if (!known) {
      byRoute.set(key, { ...seen, query: [...seen.query] });
      continue;
    }
    known.query = unique([...known.query, ...seen.query]);
    // Any sighting with a bearer token means the route needs one.
    if (seen.auth === true || (seen.auth === false && known.auth === undefined)) known.auth = seen.auth;
  }
  return [...byRoute.values()].sort((a, b) => a.path.localeCompare(b.path) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
