// The market commands, run in-process through the real program.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerEvaluators } from '../../../src/cli/commands/evaluators.js';
import { openReputation, recordOutcome } from '../../../src/market/student/reputation-store.js';
import { startMarket, type Market, type ServedTestEvaluator } from '../../market/market-fixture.js';
import { runCli } from './capture-cli.js';

let market: Market;
let evaluator: ServedTestEvaluator;
const saved = { ...process.env };

beforeAll(async () => {
  market = await startMarket();
  evaluator = await market.evaluator('citation-auditor');
  const root = mkdtempSync(join(tmpdir(), 'botcoin-cli-market-'));
  process.env.BOTCOIN_CONFIG_DIR = join(root, 'config');
  process.env.BOTCOIN_DATA_DIR = market.dataDir;
  process.env.MINER_ADDRESS = market.student.address;
  delete process.env.BOTCOIN_EVALUATORS;
});

afterAll(async () => {
  process.env = saved;
  await market?.stop();
});

const evaluatorsCommand = { name: 'evaluators', add: registerEvaluators };
const cli = (...args: string[]) => runCli(args, evaluatorsCommand);

describe('evaluators list', () => {
  it('prints the valid cards as one JSON document and reports unreachable ones', async () => {
    const { stdout, exitCode } = await cli('--json', 'evaluators', 'list', '--urls', `${evaluator.url},http://127.0.0.1:1`, '--domain', 'companies');
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout) as { evaluators: Array<Record<string, unknown>>; problems: Array<{ url: string }> };
    expect(result.evaluators).toHaveLength(1);
    expect(result.evaluators[0]).toMatchObject({ kind: 'citation-auditor', price: '0.001', network: market.network, endpoint: `${evaluator.url}/evaluate` });
    expect(result.problems.map((p) => p.url)).toEqual(['http://127.0.0.1:1/.well-known/agent-card.json']);
  });

  it('filters by domain', async () => {
    const { stdout } = await cli('--json', 'evaluators', 'list', '--urls', evaluator.url, '--domain', 'no_such_domain');
    expect(JSON.parse(stdout).evaluators).toEqual([]);
  });

  it('reads the URLs from BOTCOIN_EVALUATORS', async () => {
    process.env.BOTCOIN_EVALUATORS = evaluator.url;
    try {
      const { stdout } = await cli('--json', 'evaluators', 'list');
      expect(JSON.parse(stdout).evaluators).toHaveLength(1);
    } finally {
      delete process.env.BOTCOIN_EVALUATORS;
    }
  });
});

describe('evaluators reputation', () => {
  it('shows the student wallet\'s table', async () => {
    await recordOutcome(openReputation({ wallet: market.student.address, dir: market.dataDir }), evaluator.card.id, { nextAttemptPassed: true });
    const { stdout } = await cli('--json', 'evaluators', 'reputation');
    const result = JSON.parse(stdout) as { wallet: string; evaluators: Array<{ evaluatorId: string; stats: { helped: number } }> };
    expect(result.wallet).toBe(market.student.address);
    expect(result.evaluators).toEqual([expect.objectContaining({ evaluatorId: evaluator.card.id, stats: expect.objectContaining({ helped: 1 }) })]);
  });
});
