// `botcoin-miner mcp --sandbox` driven by the MCP SDK's own client over stdio, as an agent host
// would: the built CLI spawned as a child, a real sandbox described in an isolated data dir, the
// answer-key replay as the model. Tools are listed, one challenge is mined (receipt confirmed on
// chain), the agent steps run one by one, and a real claim is refused without confirmation.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createLocalPublicClient } from '../../src/sandbox/chain/clients.js';
import { isProcessAlive, sandboxPaths, startSandbox, type SandboxHandle } from '../../src/sandbox/network/index.js';
import { repoRoot } from '../support/cli.js';

let sandbox: SandboxHandle;
let client: Client;
let transport: StdioClientTransport;
let stderr = '';
const transportErrors: Error[] = [];

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function structured(result: CallToolResult): Record<string, any> {
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  const text = (result.content[0] as { text: string }).text;
  expect(JSON.parse(text)).toEqual(result.structuredContent);
  return result.structuredContent as Record<string, any>;
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'botcoin-mcp-'));
  sandbox = await startSandbox({ dataDir, epochSeconds: 3600, rigs: 1, coordinator: { operator: { intervalMs: 100 } } });
  transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(repoRoot, 'bin', 'botcoin-miner.js'), 'mcp', '--sandbox'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NO_COLOR: '1',
      BOTCOIN_DATA_DIR: dataDir,
      BOTCOIN_CONFIG_DIR: join(dataDir, 'config'),
      BOTCOIN_LANE: 'wallet',
      BOTCOIN_MODEL: 'answer-key',
    },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  client = new Client({ name: 'botcoin-miner-test', version: '1.0.0' });
  client.onerror = (error) => transportErrors.push(error);
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
  await sandbox?.stop();
});

describe('botcoin-miner mcp', () => {
  it('lists the miner tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['challenge', 'check', 'claim', 'mine_one', 'solve_task', 'status', 'submit']);
    for (const tool of tools) expect(tool.inputSchema.type).toBe('object');
    expect(tools.find((t) => t.name === 'mine_one')?.outputSchema?.properties).toHaveProperty('confirmed');
  });

  it('mine_one mines one challenge: a receipt confirmed on chain, then visible in status', async () => {
    const summary = structured(await call('mine_one'));
    expect(summary).toMatchObject({ lane: 'wallet', confirmed: 1, challenges: 1 });
    const [result] = summary.results as Array<{ outcome: string; txHash: `0x${string}`; creditsEarned: string }>;
    expect(result?.outcome).toBe('confirmed');
    const chain = createLocalPublicClient(sandbox.description.chain.rpcUrl, sandbox.description.chain.chainId);
    expect((await chain.getTransactionReceipt({ hash: result!.txHash })).status).toBe('success');

    const status = structured(await call('status'));
    expect(status).toMatchObject({ lane: 'wallet', address: sandbox.description.accounts.miner.address, ledger: { receipts: { confirmed: 1 } } });
    expect(status.chain.epochs[0].credits).toBe(result!.creditsEarned);
  }, 120_000);

  it('the agent steps: challenge → solve_task → check → submit', async () => {
    const payload = structured(await call('challenge'));
    const task = structured(await call('solve_task'));
    expect(task.payload).toMatchObject({ challengeId: payload.challengeId, attempt: 1 });
    const { solution } = JSON.parse(readFileSync(join(sandbox.description.answerKeyDir, `${payload.challengeId}.json`), 'utf8')) as { solution: { artifact: string } };

    const failing = structured(await call('check', { solution: { ...solution, artifact: `${solution.artifact} extra` } }));
    expect(failing.pass).toBe(false);
    expect(structured(await call('check', { solution: JSON.stringify(solution), challenge: payload })).pass).toBe(true);

    const submitted = structured(await call('submit', { solution }));
    expect(submitted).toMatchObject({ challengeId: payload.challengeId, outcome: 'confirmed', attempt: 1 });
  }, 120_000);

  it('claim is a dry run by default and refuses to send without confirm', async () => {
    expect(structured(await call('claim'))).toMatchObject({ dryRun: true, claims: [] });
    const refused = await call('claim', { dryRun: false });
    expect(refused.isError).toBe(true);
    expect(JSON.parse((refused.content[0] as { text: string }).text)).toMatchObject({ error: { code: 'BAD_USAGE' } });
  }, 60_000);

  it('kept stdout to the protocol: no transport error, logs on stderr, never a key', () => {
    expect(transportErrors).toEqual([]);
    expect(stderr).toContain('MCP server ready');
    for (const account of Object.values(sandbox.description.accounts)) expect(stderr).not.toContain(account.privateKey.slice(2));
  });

  it('exits when the client closes', async () => {
    const pid = transport.pid as number;
    expect(isProcessAlive(pid)).toBe(true);
    await client.close();
    expect(isProcessAlive(pid)).toBe(false);
  });
});

describe('botcoin-miner mcp --sandbox with no sandbox running', () => {
  it('starts one for its lifetime (described, so every call finds it) and stops it on exit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'botcoin-mcp-fresh-'));
    const own = new StdioClientTransport({
      command: process.execPath,
      args: [join(repoRoot, 'bin', 'botcoin-miner.js'), 'mcp', '--sandbox', '--lane', 'wallet'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', BOTCOIN_DATA_DIR: dataDir, BOTCOIN_CONFIG_DIR: join(dataDir, 'config') },
      stderr: 'pipe',
    });
    let log = '';
    own.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const fresh = new Client({ name: 'botcoin-miner-test', version: '1.0.0' });
    await fresh.connect(own);
    try {
      const first = (await fresh.callTool({ name: 'challenge', arguments: {} })) as CallToolResult;
      expect(first.isError, JSON.stringify(first.content)).toBeFalsy();
      const task = (await fresh.callTool({ name: 'solve_task', arguments: {} })) as CallToolResult;
      expect((task.structuredContent as { payload: { challengeId: string } }).payload.challengeId).toBe((first.structuredContent as { challengeId: string }).challengeId);
      expect(log).toContain('starting one for this MCP server');
      // `mcp --lane wallet` applies to the rewards tools too.
      const status = (await fresh.callTool({ name: 'status', arguments: {} })) as CallToolResult;
      expect(status.structuredContent).toMatchObject({ lane: 'wallet' });
      expect(existsSync(sandboxPaths(dataDir).description)).toBe(true);
    } finally {
      await fresh.close();
    }
    expect(existsSync(sandboxPaths(dataDir).description)).toBe(false);
  }, 120_000);
});
