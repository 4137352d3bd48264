import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerSkill } from '../../../src/cli/commands/skill.js';
import type { ScriptedServer } from '../../support/scripted-http-server.js';
import { serveSkill } from '../../protocol/skill/serve-skill.js';
import { runCli } from './capture-cli.js';

const skill = { name: 'skill', add: registerSkill };
const saved = { ...process.env };
let server: ScriptedServer;

beforeEach(async () => {
  process.env.BOTCOIN_CONFIG_DIR = await mkdtemp(join(tmpdir(), 'botcoin-cli-skill-'));
  delete process.env.COORDINATOR_URL;
  delete process.env.BOTCOIN_COORDINATOR_URL;
  server = await serveSkill(await readFile(new URL('../../fixtures/skill/production-skill.md', import.meta.url), 'utf8'));
});
afterEach(async () => {
  process.env = { ...saved };
  await server.close();
});

describe('botcoin-miner skill', () => {
  it('fetches <coordinator>/.well-known/skill.md and prints the SkillInfo with --json', async () => {
    const result = await runCli(['--json', '--coordinator', server.url, 'skill'], skill);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.url).toBe(`${server.url}/.well-known/skill.md`);
    expect(json.lane).toBe('rig');
    expect(json.generation).toBe('rig');
    expect(json.contracts).toHaveLength(6);
    expect(json.endpoints).toContainEqual({ method: 'GET', path: '/v1/rig/challenge', query: ['rigId', 'operator', 'nonce'], auth: true });
    expect(server.requests[0]?.path).toBe('/.well-known/skill.md');
  });

  it('takes the coordinator from COORDINATOR_URL and renders a readable summary', async () => {
    process.env.COORDINATOR_URL = server.url;
    const result = await runCli(['skill'], skill);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('lane         rig (generation rig)');
    expect(result.stdout).toMatch(/GET\s+\/v1\/rig\/challenge\?rigId&operator&nonce\s+bearer/);
    expect(result.stdout).toContain('0xB61BC7487424172CB9fa9dD381a9eC06C7067dCd  BotcoinMiningRigsV1');
  });

  it('reads an explicit --url and fails with exit code 3 when nothing is there', async () => {
    const result = await runCli(['--json', 'skill', '--url', `${server.url}/missing.md`], skill);
    expect(result.exitCode).toBe(3);
    expect(JSON.parse(result.stdout).error.code).toBe('COORDINATOR_UNAVAILABLE');
  });
});
