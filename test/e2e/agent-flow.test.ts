// The agent flow, where the calling agent is the model: `challenge` fetches and keeps the current
// challenge, `solve --strategy agent` prints the task, the agent answers, `submit` checks,
// submits, guards, broadcasts and confirms. Here the test plays the agent, answering from the
// sandbox's answer key. The real CLI against the sandbox.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { runCli } from '../support/cli.js';
import { startMinerWorld, type MinerWorld } from '../miner/support/network.js';

let world: MinerWorld;

beforeAll(async () => {
  world = await startMinerWorld({ sandbox: { epochSeconds: 3600 } });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function referenceSolution(challengeId: string): { artifact: string; reasoningTrace: unknown[]; submittedAnswers: Record<string, string> } {
  return (JSON.parse(readFileSync(join(world.sandbox.description.answerKeyDir, `${challengeId}.json`), 'utf8')) as { solution: never }).solution;
}

describe('the agent flow: challenge → solve --strategy agent → submit', () => {
  it('fetches, prints the task, refuses a solution failing the local check without spending an attempt, then submits and confirms', async () => {
    const env = world.cliEnv('rig', { BOTCOIN_RIGS: world.rigIds[1] as string });
    const fetched = await runCli(['--json', 'challenge', '--out', join(world.dataDir, 'challenge.json')], { env });
    expect(fetched.code, fetched.stderr).toBe(0);
    const payload = JSON.parse(fetched.stdout) as { challengeId: string; rigId: string; doc: string };
    expect(payload.rigId).toBe(world.rigIds[1]);
    expect(JSON.parse(readFileSync(join(world.dataDir, 'challenge.json'), 'utf8'))).toEqual(payload);

    const task = await runCli(['--json', 'solve', '--strategy', 'agent'], { env });
    expect(task.code, task.stderr).toBe(0);
    const printed = JSON.parse(task.stdout) as { prompt: string; payload: { challengeId: string; attempt: number; doc: string }; responseSchema: object };
    expect(printed.payload).toMatchObject({ challengeId: payload.challengeId, attempt: 1, doc: payload.doc });
    expect(printed.prompt.length).toBeGreaterThan(payload.doc.length);
    expect(printed.responseSchema).toBeTypeOf('object');

    const solution = referenceSolution(payload.challengeId);
    const broken = join(world.dataDir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...solution, artifact: `${solution.artifact} extra` }));
    const refused = await runCli(['--json', 'submit', broken], { env });
    expect(refused.code).toBe(5);
    expect((JSON.parse(refused.stdout) as { error: { code: string } }).error.code).toBe('CHECK_FAILED');
    const ledger = openLedger({ wallet: world.operatorAddress, dir: world.dataDir });
    expect(await ledger.read({ kind: 'attempt', challengeId: payload.challengeId })).toEqual([]);

    // The agent's answer may come wrapped in prose and fences, as models write it.
    const answer = join(world.dataDir, 'answer.txt.json');
    writeFileSync(answer, JSON.stringify(`Here is my answer:\n\`\`\`json\n${JSON.stringify(solution)}\n\`\`\``));
    const submitted = await runCli(['--json', 'submit', answer], { env });
    expect(submitted.code, submitted.stderr).toBe(0);
    const result = JSON.parse(submitted.stdout) as { outcome: string; attempt: number; creditsEarned: string; txHash: string };
    expect(result).toMatchObject({ outcome: 'confirmed', attempt: 1, creditsEarned: '100' });
    const mined = await world.chain.getTransactionReceipt({ hash: result.txHash as `0x${string}` });
    expect(mined.status).toBe('success');

    // The same challenge cannot be submitted again.
    const twice = await runCli(['--json', 'submit', answer], { env });
    expect(twice.code).toBe(2);
  }, 90_000);
});

describe('challenge → solve → submit with the configured model', () => {
  it('solves the current challenge, writes the solution, and submits it', async () => {
    const env = world.cliEnv('wallet');
    expect((await runCli(['--json', 'challenge'], { env })).code).toBe(0);
    const out = join(world.dataDir, 'solved.json');
    const solved = await runCli(['--json', 'solve', '--out', out], { env });
    expect(solved.code, solved.stderr).toBe(0);
    const result = JSON.parse(solved.stdout) as { pass: boolean; attempt: number; modelCalls: number; solution: { artifact: string } };
    expect(result).toMatchObject({ pass: true, attempt: 1 });
    expect(result.modelCalls).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(result.solution);
    // The model calls of a standalone solve are in the wallet's ledger too.
    const calls = await openLedger({ wallet: world.minerAddress, dir: world.dataDir }).read({ kind: 'model_call' });
    expect(calls.length).toBe(result.modelCalls);
    const submitted = await runCli(['--json', 'submit', out], { env });
    expect(submitted.code, submitted.stderr).toBe(0);
    expect((JSON.parse(submitted.stdout) as { outcome: string }).outcome).toBe('confirmed');
  }, 90_000);
});

describe('mine --sandbox on a machine with no sandbox running', () => {
  it('starts one for the command, says so, labels the answer-key replay as not a model, and mines', async () => {
    const home = join(world.dataDir, 'fresh-home');
    const result = await runCli(['--sandbox', '--json', 'mine', '--lane', 'wallet', '--model', 'answer-key', '--count', '1'], {
      env: { BOTCOIN_DATA_DIR: join(home, 'data'), BOTCOIN_CONFIG_DIR: join(home, 'config') },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('No sandbox is running: starting one in this process');
    expect(result.stderr).toMatch(/answer-key replay: .*not a language model/);
    expect((JSON.parse(result.stdout) as { confirmed: number }).confirmed).toBe(1);
  }, 90_000);

  it('refuses --model answer-key without --sandbox (exit 2)', async () => {
    const result = await runCli(['--json', 'mine', '--lane', 'wallet', '--model', 'answer-key'], { env: world.cliEnv('wallet') });
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as { error: { message: string } }).error.message).toContain('--model answer-key works only with --sandbox');
  }, 30_000);
});

describe('submit, when the coordinator rejects the attempt', () => {
  let trapped: MinerWorld;
  beforeAll(async () => {
    // A model that falls for the trap every time: its solutions pass the local check (the wrong
    // value is stated in the document) but lose answers or constraints at the coordinator.
    trapped = await startMinerWorld({ sandbox: { epochSeconds: 3600 }, replayFaults: { rules: [{ fault: 'wrong_trap_answer' }] } });
  }, 60_000);
  afterAll(async () => {
    await trapped?.stop();
  });

  it('exits 5 with the coordinator\'s counts, and the next solve knows them', async () => {
    const env = trapped.cliEnv('wallet');
    const out = join(trapped.dataDir, 'solved.json');
    let rejected: { outcome: string; attempt: number; feedback: Record<string, unknown> } | undefined;
    // The trap decides an answer or a constraint value; when it only costs one answer (9/10 still pass) try another challenge.
    for (let i = 0; i < 6 && !rejected; i++) {
      expect((await runCli(['--json', 'challenge'], { env })).code).toBe(0);
      if ((await runCli(['--json', 'solve', '--out', out], { env })).code !== 0) continue;
      const submitted = await runCli(['--json', 'submit', out], { env });
      if (submitted.code === 5) rejected = JSON.parse(submitted.stdout) as never;
      else expect(submitted.code, submitted.stderr).toBe(0);
    }
    expect(rejected).toMatchObject({ outcome: 'rejected', attempt: 1, feedback: { retryAllowed: true, attemptsRemaining: 2 } });
    expect(rejected?.feedback.constraintsTotal).toBeTypeOf('number');
    const task = await runCli(['--json', 'solve', '--strategy', 'agent'], { env });
    const printed = JSON.parse(task.stdout) as { payload: { attempt: number }; prompt: string };
    expect(printed.payload.attempt).toBe(2);
    const f = rejected?.feedback as { questionAnswersCorrect: number; questionAnswersTotal: number; constraintsPassed: number; constraintsTotal: number };
    expect(printed.prompt).toContain(`counted ${f.questionAnswersCorrect} of ${f.questionAnswersTotal} answers correct`);
    expect(printed.prompt).toContain(`${f.constraintsPassed} of ${f.constraintsTotal} constraints passed`);
  }, 120_000);
});
