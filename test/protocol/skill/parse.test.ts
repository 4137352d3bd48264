import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSkillFile } from '../../../src/protocol/skill/parse.js';
import type { SkillInfo } from '../../../src/protocol/skill/types.js';

const SKILL_URL = 'https://coordinator.agentmoney.net/.well-known/skill.md';
const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/skill/${name}`, import.meta.url), 'utf8');
const route = (info: SkillInfo, method: string, path: string) => info.endpoints.find((e) => e.method === method && e.path === path);
const routes = (info: SkillInfo): string[] => info.endpoints.map((e) => `${e.method} ${e.path}`);

describe('parseSkillFile on the production (rig-era) skill file', () => {
  const info = parseSkillFile(fixture('production-skill.md'), SKILL_URL);

  it('reads the front-matter', () => {
    expect(info.name).toBe('botcoin-miner');
    expect(info.description).toMatch(/^Mine BOTCOIN on Base/);
    expect(info.metadata).toMatchObject({ lane: 'rig', chainId: 8453, requires: { env: expect.arrayContaining(['RIG_ID']) } });
  });

  it('detects the rig lane', () => {
    expect(info.lane).toBe('rig');
    expect(info.generation).toBe('rig');
  });

  it('finds every endpoint from prose, curl commands and the endpoint table', () => {
    expect(routes(info)).toEqual([
      'GET /.well-known/agent-card.json',
      'GET /health',
      'POST /v1/auth/nonce',
      'POST /v1/auth/verify',
      'GET /v1/bonus/claim-calldata',
      'GET /v1/bonus/status',
      'GET /v1/claim-calldata',
      'GET /v1/credits',
      'GET /v1/epoch',
      'GET /v1/rig/attempt/{attemptId}',
      'GET /v1/rig/challenge',
      'POST /v1/rig/submit',
    ]);
  });

  it('keeps query parameters and bearer requirements', () => {
    expect(route(info, 'GET', '/v1/rig/challenge')).toEqual({ method: 'GET', path: '/v1/rig/challenge', query: ['rigId', 'operator', 'nonce'], auth: true });
    expect(route(info, 'GET', '/v1/rig/attempt/{attemptId}')).toMatchObject({ query: ['operator'], auth: true });
    expect(route(info, 'POST', '/v1/rig/submit')).toMatchObject({ query: [], auth: true });
    expect(route(info, 'POST', '/v1/auth/nonce')).toMatchObject({ auth: false });
    expect(route(info, 'GET', '/v1/claim-calldata')).toMatchObject({ query: ['rigId', 'epochs'], auth: false });
    expect(route(info, 'GET', '/health')?.auth).toBeUndefined();
  });

  it('reads the contract table with checksummed addresses, the coordinator and the chain', () => {
    expect(info.contracts).toHaveLength(6);
    expect(info.contracts[0]).toEqual({ name: 'BOTCOIN', address: '0x25C448101C36d7306Ed8053B96b090bb56a87B07' });
    expect(info.contracts.find((c) => c.name === 'MiningRigNFT')?.address).toBe('0x3D2DC5f3A7C46e59eA1cFD032962327f54506d37');
    expect(info.coordinatorUrl).toBe('https://coordinator.agentmoney.net');
    expect(info.chainId).toBe(8453);
    expect(info.warnings).toEqual([]);
  });
});

describe('parseSkillFile on a V3-era wallet-lane skill file', () => {
  const info = parseSkillFile(fixture('v3-wallet-skill.md'), 'https://agentmoney.net/skill.md');

  it('detects the stake-gated wallet lane, generation v3', () => {
    expect(info.lane).toBe('wallet');
    expect(info.generation).toBe('v3');
  });

  it('finds the wallet-lane routes with their queries', () => {
    expect(route(info, 'GET', '/v1/challenge')).toEqual({ method: 'GET', path: '/v1/challenge', query: ['miner', 'nonce'], auth: true });
    expect(route(info, 'POST', '/v1/submit')).toMatchObject({ auth: true });
    expect(route(info, 'GET', '/v1/stake-approve-calldata')).toMatchObject({ query: ['amount'] });
    expect(routes(info)).toEqual(expect.arrayContaining(['POST /v1/auth/nonce', 'POST /v1/auth/verify', 'GET /v1/unstake-calldata', 'GET /v1/withdraw-calldata', 'GET /v1/token']));
    expect(routes(info).some((r) => r.includes('/v1/rig/'))).toBe(false);
  });

  it('skips a wrongly checksummed and a missing address, with warnings', () => {
    expect(info.contracts).toEqual([
      { name: 'BOTCOIN', address: '0xA601877977340862Ca67f816eb079958E5bd0BA3' },
      { name: 'BotcoinMiningV3', address: '0xB2fbe0DB5A99B4E2Dd294dE64cEd82740b53A2Ea' },
    ]);
    expect(info.warnings).toHaveLength(2);
    expect(info.warnings[0]).toMatch(/BotcoinMiningV2 \(retired\).*invalid EIP-55 checksum/);
    expect(info.warnings[1]).toMatch(/Treasury.*no address/);
  });

  it('takes the coordinator from the text, not from where the file was hosted', () => {
    expect(info.coordinatorUrl).toBe('https://coordinator.agentmoney.net');
    expect(info.metadata).toMatchObject({ requires: { env: ['COORDINATOR_URL', 'BASE_RPC_URL'] } });
  });
});

describe('generation signals', () => {
  const parse = (body: string, url = SKILL_URL): SkillInfo => parseSkillFile(`---\nname: t\n---\n${body}`, url);

  it('treats "lane":"rig" alone as the rig lane', () => {
    expect(parse('Verify with `{"miner":"0x..","lane":"rig"}`.').lane).toBe('rig');
  });

  it('reads a V2 tier table (1-3 credits) as v2 and V4 wording as v4', () => {
    const v2 = parse('| Staked | Credits |\n|---|---|\n| 25M | 1 |\n| 50M | 2 |\n| 100M | 3 |\n\n`GET /v1/challenge?miner&nonce`');
    expect([v2.lane, v2.generation]).toEqual(['wallet', 'v2']);
    const v4 = parse('Stake on BotcoinMiningV4, then `GET /v1/challenge?miner&nonce`.');
    expect([v4.lane, v4.generation]).toEqual(['wallet', 'v4']);
  });

  it('does not read "schema v3" or "/v1/" as a generation', () => {
    const info = parse('Use the reasoning trace schema v3. `GET /v1/challenge?miner&nonce` then `POST /v1/submit`.');
    expect([info.lane, info.generation]).toEqual(['wallet', 'v1']);
  });

  it('reports unknown when nothing signals a lane, and warns about missing pieces', () => {
    const info = parseSkillFile('# Hello\nNothing here.', SKILL_URL);
    expect([info.lane, info.generation]).toEqual(['unknown', 'unknown']);
    expect(info.warnings).toEqual(['no YAML front-matter (name, description, metadata) found', 'no endpoints found']);
  });

  it('turns invalid YAML front-matter into a warning instead of failing', () => {
    const info = parseSkillFile('---\nname: [unclosed\n---\n`GET /health`', SKILL_URL);
    expect(info.warnings[0]).toMatch(/^the front-matter is not valid YAML/);
    expect(routes(info)).toEqual(['GET /health']);
  });

  it('reads curl URLs on the coordinator origin, normalising placeholders, and ignores other hosts', () => {
    const info = parse(
      [
        '```bash',
        'curl -s https://coordinator.agentmoney.net/v1/rig/attempt/$ATTEMPT_ID?operator=$OP \\',
        '  -H "Authorization: Bearer $TOKEN"',
        'curl -s -X POST https://mainnet.base.org/ -d \'{"method":"eth_chainId"}\'',
        'curl -s --json @body.json "${COORDINATOR_URL}/v1/auth/verify"',
        '```',
      ].join('\n'),
    );
    expect(info.endpoints).toEqual([
      { method: 'POST', path: '/v1/auth/verify', query: [] },
      { method: 'GET', path: '/v1/rig/attempt/{attemptId}', query: ['operator'], auth: true },
    ]);
  });
});
