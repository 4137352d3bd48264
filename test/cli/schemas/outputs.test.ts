// Every command's --json output validates against its published schema (schemas/*.schema.json),
// checked with the JSON Schema validator MCP clients use: the real CLI program, in-process,
// against a real sandbox (anvil, contracts, the reference coordinator) described in an isolated
// data dir, mining with the answer-key replay.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { OutputDocumentName } from '../../../src/cli/schemas/index.js';
import { unregisterSecret } from '../../../src/safety/secrets.js';
import { findFreePort } from '../../../src/sandbox/chain/free-port.js';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/network/index.js';
import { isolatedHome, repoRoot, runCli as runBuiltCli } from '../../support/cli.js';
import { runCli } from '../commands/capture-cli.js';

const validator = new AjvJsonSchemaValidator();
const validated = new Set<OutputDocumentName>();

/** Parses stdout as one JSON document and validates it against the committed schema file. */
function expectDocument(name: OutputDocumentName, text: string): Record<string, any> {
  const document = JSON.parse(text) as Record<string, any>;
  expectValid(name, document);
  return document;
}

function expectValid(name: OutputDocumentName, document: unknown): void {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', `${name}.schema.json`), 'utf8')) as object;
  const result = validator.getValidator(schema)(document);
  expect(result.errorMessage, `${name}: ${JSON.stringify(document).slice(0, 400)}`).toBeUndefined();
  validated.add(name);
}

describe('every --json output validates against its published schema', () => {
  const saved = { ...process.env };
  let sandbox: SandboxHandle;
  let dataDir: string;
  const d = () => sandbox.description;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'botcoin-schemas-'));
    process.env = { PATH: saved.PATH, HOME: saved.HOME, NO_COLOR: '1', BOTCOIN_DATA_DIR: dataDir, BOTCOIN_CONFIG_DIR: join(dataDir, 'config'), BOTCOIN_LANE: 'wallet' };
    sandbox = await startSandbox({ dataDir, epochSeconds: 3600, rigs: 1, coordinator: { operator: { intervalMs: 100 } } });
  });
  afterAll(async () => {
    await sandbox?.stop();
    process.env = { ...saved };
    for (const account of Object.values(sandbox?.description.accounts ?? {})) unregisterSecret(account.privateKey);
  });

  it('config list|get|set|unset, wallet address, skill, doctor', async () => {
    expectDocument('config-list', (await runCli(['--json', 'config', 'list'])).stdout);
    expectDocument('config-get', (await runCli(['--json', 'config', 'get', 'lane'])).stdout);
    expectDocument('config-set', (await runCli(['--json', 'config', 'set', 'strategy', 'hybrid'])).stdout);
    expect(expectDocument('config-get', (await runCli(['--json', 'config', 'get', 'strategy'])).stdout)).toMatchObject({ value: 'hybrid', source: 'profile' });
    expectDocument('config-unset', (await runCli(['--json', 'config', 'unset', 'strategy'])).stdout);

    process.env.BOTCOIN_PRIVATE_KEY = d().accounts.student.privateKey;
    const wallet = expectDocument('wallet', (await runCli(['--json', 'wallet', 'address'])).stdout);
    delete process.env.BOTCOIN_PRIVATE_KEY;
    expect(wallet).toEqual({ address: d().accounts.student.address, keystore: null });

    const skill = await runCli(['--json', '--coordinator', d().coordinator.url, 'skill']);
    expect(skill.exitCode, skill.stderr).toBe(0);
    expect(expectDocument('skill', skill.stdout).endpoints.length).toBeGreaterThan(0);

    const doctor = await runCli(['--json', '--sandbox', 'doctor']);
    expect(expectDocument('doctor', doctor.stdout).checks.length).toBeGreaterThan(0);
  });

  it('sandbox status|domains|generate|down, evaluators list|reputation', async () => {
    const status = await runCli(['--json', 'sandbox', 'status']);
    expect(status.exitCode, status.stderr).toBe(0);
    expect(expectDocument('sandbox-status', status.stdout).live.rpc).toBe(true);
    expect(expectDocument('sandbox-domains', (await runCli(['--json', 'sandbox', 'domains'])).stdout).domains.length).toBeGreaterThan(0);
    const out = mkdtempSync(join(tmpdir(), 'botcoin-schemas-generate-'));
    expectDocument('sandbox-generate', (await runCli(['--json', 'sandbox', 'generate', '--seed', '42', '--domain', 'companies', '--out', out])).stdout);

    // `down` of an empty data dir: nothing to stop (this test's sandbox runs in this very process).
    process.env.BOTCOIN_DATA_DIR = mkdtempSync(join(tmpdir(), 'botcoin-schemas-empty-'));
    const down = await runCli(['--json', 'sandbox', 'down']);
    process.env.BOTCOIN_DATA_DIR = dataDir;
    expect(expectDocument('sandbox-down', down.stdout)).toMatchObject({ stopped: false });

    const deadUrl = `http://127.0.0.1:${await findFreePort()}`;
    const evaluators = await runCli(['--json', 'evaluators', 'list', '--urls', deadUrl]);
    expect(expectDocument('evaluators-list', evaluators.stdout).problems).toHaveLength(1);
    expectDocument('evaluators-reputation', (await runCli(['--json', 'evaluators', 'reputation', '--wallet', d().accounts.miner.address])).stdout);
  });

  it('the agent flow: challenge, solve --strategy agent, check (fail and pass), submit', async () => {
    const fetched = await runCli(['--json', '--sandbox', 'challenge']);
    expect(fetched.exitCode, fetched.stderr).toBe(0);
    const payload = expectDocument('challenge', fetched.stdout);
    const challengeFile = join(dataDir, 'challenge.json');
    writeFileSync(challengeFile, fetched.stdout);

    const task = await runCli(['--json', '--sandbox', 'solve', '--strategy', 'agent']);
    expect(task.exitCode, task.stderr).toBe(0);
    expect(expectDocument('solve', task.stdout).payload.challengeId).toBe(payload.challengeId);

    const { solution } = JSON.parse(readFileSync(join(d().answerKeyDir, `${payload.challengeId}.json`), 'utf8')) as { solution: { artifact: string } };
    const broken = join(dataDir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...solution, artifact: `${solution.artifact} extra` }));
    const failing = await runCli(['--json', 'check', challengeFile, broken]);
    expect(failing.exitCode).toBe(5);
    expect(expectDocument('check', failing.stdout).pass).toBe(false);
    const solutionFile = join(dataDir, 'solution.json');
    writeFileSync(solutionFile, JSON.stringify(solution));
    const passing = await runCli(['--json', 'check', challengeFile, solutionFile]);
    expect(passing.exitCode, passing.stdout).toBe(0);
    expect(expectDocument('check', passing.stdout).pass).toBe(true);

    const submitted = await runCli(['--json', '--sandbox', 'submit', solutionFile]);
    expect(submitted.exitCode, submitted.stderr).toBe(0);
    expect(expectDocument('submit', submitted.stdout)).toMatchObject({ outcome: 'confirmed', attempt: 1 });
  }, 120_000);

  it('solve with a model, mine (final document), mine --jsonl (every line)', async () => {
    expect((await runCli(['--json', '--sandbox', 'challenge'])).exitCode).toBe(0);
    const solved = await runCli(['--json', '--sandbox', 'solve', '--model', 'answer-key']);
    expect(solved.exitCode, solved.stderr).toBe(0);
    expect(expectDocument('solve', solved.stdout)).toMatchObject({ pass: true, strategy: 'hybrid' });

    const mined = await runCli(['--json', '--sandbox', 'mine', '--model', 'answer-key', '--count', '1']);
    expect(mined.exitCode, mined.stderr).toBe(0);
    expect(expectDocument('mine', mined.stdout)).toMatchObject({ confirmed: 1 });

    const streamed = await runCli(['--sandbox', 'mine', '--model', 'answer-key', '--count', '1', '--jsonl']);
    expect(streamed.exitCode, streamed.stderr).toBe(0);
    const lines = streamed.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    for (const line of lines) expectValid('mine-jsonl', line);
    expect(new Set(lines.map((l) => l.type))).toEqual(new Set(['challenge', 'model_call', 'check', 'attempt', 'verdict', 'receipt', 'summary']));
    expect(lines.at(-1)?.type).toBe('summary');
  }, 180_000);

  it('receipts list|retry, status, epoch, credits, claim --dry-run, rig status', async () => {
    const receipts = expectDocument('receipts-list', (await runCli(['--json', '--sandbox', 'receipts', 'list', '--wallet', d().accounts.miner.address])).stdout);
    expect(receipts.receipts.filter((r: { state: string }) => r.state === 'confirmed')).toHaveLength(3);
    const retry = await runCli(['--json', '--sandbox', 'receipts', 'retry']);
    expect(retry.exitCode, retry.stderr).toBe(0);
    expect(expectDocument('receipts-retry', retry.stdout)).toMatchObject({ inFlight: 0 });

    const status = await runCli(['--json', '--sandbox', 'status']);
    expect(status.exitCode, status.stderr).toBe(0);
    expect(expectDocument('status', status.stdout).ledger.receipts.confirmed).toBe(3);
    expectDocument('epoch', (await runCli(['--json', '--sandbox', 'epoch'])).stdout);
    const credits = await runCli(['--json', '--sandbox', 'credits']);
    expect(expectDocument('credits', credits.stdout).epochs.length).toBeGreaterThan(0);
    const claim = await runCli(['--json', '--sandbox', 'claim', '--dry-run']);
    expect(claim.exitCode, claim.stderr).toBe(0);
    expect(expectDocument('claim', claim.stdout).dryRun).toBe(true);
    const rigs = await runCli(['--json', '--sandbox', 'rig', 'status']);
    expect(rigs.exitCode, rigs.stderr).toBe(0);
    expect(expectDocument('rig-status', rigs.stdout).rigs).toHaveLength(1);
  }, 120_000);

  it('error documents: bad usage, bad config key, missing file, unknown option', async () => {
    const cases: Array<[string[], number, string]> = [
      [['--json', 'mine', '--count', '0'], 2, 'BAD_USAGE'],
      [['--json', 'config', 'get', 'nope'], 2, 'CONFIG'],
      [['--json', 'check', join(dataDir, 'missing.json'), join(dataDir, 'missing.json')], 2, 'FILE_NOT_FOUND'],
      [['--json', 'sandbox', 'generate', '--seed', 'x', '--domain', 'companies', '--out', dataDir], 2, 'BAD_USAGE'],
    ];
    for (const [args, exitCode, code] of cases) {
      const result = await runCli(args);
      expect(result.exitCode, args.join(' ')).toBe(exitCode);
      expect(expectDocument('error', result.stdout).error.code).toBe(code);
    }
    // A usage error commander itself reports, through the built CLI's run().
    const unknown = await runBuiltCli(['--json', 'frobnicate'], { env: isolatedHome() });
    expect(unknown.code).toBe(2);
    expect(expectDocument('error', unknown.stdout).error.code).toBe('BAD_USAGE');
  });

  it('covered every document the brief names', () => {
    const required: OutputDocumentName[] = [
      'config-list', 'config-get', 'wallet', 'skill', 'doctor', 'status', 'epoch', 'credits', 'claim', 'rig-status', 'receipts-list',
      'challenge', 'solve', 'check', 'submit', 'mine', 'mine-jsonl', 'sandbox-status', 'sandbox-domains', 'evaluators-list', 'error',
    ];
    expect(required.filter((name) => !validated.has(name))).toEqual([]);
  });
});
