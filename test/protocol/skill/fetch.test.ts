import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { fetchSkill, skillUrlFor } from '../../../src/protocol/skill/fetch.js';
import { VERSION } from '../../../src/version.js';
import { userAgent } from '../../../src/protocol/http/user-agent.js';
import type { ScriptedServer } from '../../support/scripted-http-server.js';
import { serveSkill } from './serve-skill.js';
import { rejection } from '../../support/rejection.js';

const production = readFileSync(new URL('../../fixtures/skill/production-skill.md', import.meta.url), 'utf8');
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fetchSkill', () => {
  it('fetches <coordinator>/.well-known/skill.md with a real User-Agent and parses it', async () => {
    server = await serveSkill(production);
    const info = await fetchSkill(skillUrlFor(`${server.url}/`));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/.well-known/skill.md');
    expect(server.requests[0]?.headers['user-agent']?.startsWith(`botcoin-miner/${VERSION} `)).toBe(true);
    expect(info.lane).toBe('rig');
    expect(info.endpoints.length).toBeGreaterThan(10);
  });

  it('infers the coordinator from the skill URL when the file does not name one', async () => {
    server = await serveSkill('---\nname: local\n---\n```\ncurl -s http://127.0.0.1/v1/epoch\n```\n`POST /v1/auth/nonce`\n');
    const info = await fetchSkill(skillUrlFor(server.url));
    expect(info.coordinatorUrl).toBe(server.url);
    expect(info.endpoints.map((e) => e.path)).toEqual(['/v1/auth/nonce']);
  });

  it('uses the injected transport', async () => {
    const seen: string[] = [];
    const info = await fetchSkill('http://coordinator.test/.well-known/skill.md', async (url, init) => {
      seen.push(`${url} ${new Headers(init?.headers).get('user-agent')}`);
      return new Response('---\nname: injected\n---\n`GET /v1/rig/challenge?rigId&operator&nonce`');
    });
    expect(seen).toEqual([`http://coordinator.test/.well-known/skill.md ${userAgent()}`]);
    expect([info.name, info.lane]).toEqual(['injected', 'rig']);
  });

  it('reports a 404 as COORDINATOR_UNAVAILABLE with a hint about the URL', async () => {
    server = await serveSkill(production);
    const error = await rejection(fetchSkill(`${server.url}/skill.md`));
    expect(error.code).toBe('COORDINATOR_UNAVAILABLE');
    expect(error.shortMessage).toContain('HTTP 404');
    expect(error.hint).toContain('--coordinator');
  });

  it('reports an unreachable coordinator as COORDINATOR_UNAVAILABLE', async () => {
    server = await serveSkill(production);
    const origin = server.url;
    await server.close();
    server = undefined;
    const error = await rejection(fetchSkill(skillUrlFor(origin)));
    expect(error.code).toBe('COORDINATOR_UNAVAILABLE');
    expect(error.details).toMatch(/ECONNREFUSED/);
  });
});
