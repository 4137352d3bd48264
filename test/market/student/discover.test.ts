import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverEvaluators } from '../../../src/market/student/discover.js';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-http-server.js';
import { startMarket, type Market } from '../market-fixture.js';

let market: Market;
let junk: ScriptedServer;
let futureCard: unknown;

beforeAll(async () => {
  market = await startMarket();
  junk = await startScriptedServer((request) => {
    if (request.path === '/no-terms/.well-known/agent-card.json') {
      return { body: { name: 'x', description: 'y', supportedInterfaces: [{ url: 'http://127.0.0.1', protocolBinding: 'HTTP+JSON', protocolVersion: '1.0' }], version: '1', capabilities: { extensions: [] }, defaultInputModes: ['application/json'], defaultOutputModes: ['application/json'], skills: [{ id: 's', name: 's', description: '', tags: ['companies'] }] } };
    }
    if (request.path === '/not-a-card/.well-known/agent-card.json') return { body: { hello: 'world' } };
    if (request.path === '/future/.well-known/agent-card.json') return { body: futureCard };
    return { status: 404, body: { error: 'not found' } };
  });
});

afterAll(async () => {
  await junk?.close();
  await market?.stop();
});

describe('discoverEvaluators', () => {
  it('returns the valid cards and reports each invalid or unreachable one without failing', async () => {
    const good = await market.evaluator('constraint-auditor');
    // The same card, but speaking a feedback schema this student does not know.
    const card = (await (await fetch(`${good.url}/.well-known/agent-card.json`)).json()) as { capabilities: { extensions: Array<{ params: Record<string, unknown> }> } };
    card.capabilities.extensions[0]!.params.feedbackVersion = 'botcoin-feedback/2';
    futureCard = card;
    const { cards, problems } = await discoverEvaluators([
      good.url,
      `${junk.url}/no-terms`,
      `${junk.url}/not-a-card`,
      `${junk.url}/missing`,
      'http://127.0.0.1:1',
      `${junk.url}/future`,
    ]);
    expect(cards.map((c) => c.url)).toEqual([`${good.url}/.well-known/agent-card.json`]);
    expect(cards[0]?.id).toBe(`constraint-auditor@${cards[0]?.terms.signer.toLowerCase()}`);
    expect(cards[0]?.tags).toContain('constraint-audit');
    expect(problems).toHaveLength(5);
    expect(problems[0]?.message).toMatch(/no x402 payment extension/);
    expect(problems[1]?.message).toMatch(/not an A2A agent card: name/);
    expect(problems[2]?.message).toBe('HTTP 404');
    expect(problems[3]?.message).toMatch(/unreachable/);
    expect(problems[4]?.message).toMatch(/speaks feedback schema botcoin-feedback\/2/);
  });
});
