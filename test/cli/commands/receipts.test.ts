import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerReceipts } from '../../../src/cli/commands/receipts.js';
import { openLedger } from '../../../src/ledger/index.js';
import { WALLET, receipt, txHash } from '../../ledger/support/records.js';
import { runCli } from './capture-cli.js';

const receipts = { name: 'receipts', add: registerReceipts };
const saved = { ...process.env };
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'botcoin-cli-receipts-'));
  process.env.BOTCOIN_DATA_DIR = dataDir;
  process.env.BOTCOIN_CONFIG_DIR = join(dataDir, 'config');
  delete process.env.MINER_ADDRESS;
  const ledger = openLedger({ dir: dataDir, wallet: WALLET });
  await ledger.append(receipt('signed', { epochId: '42', solveIndex: '1' }, { tx: 1 }));
  await ledger.append(receipt('signed', { epochId: '42', solveIndex: '2' }, { tx: 2 }));
  await ledger.append(receipt('broadcast', { epochId: '42', solveIndex: '1' }, { tx: 1 }));
  await ledger.append(receipt('confirmed', { epochId: '42', solveIndex: '1' }, { tx: 1, creditsEarned: '520' }));
});
afterEach(() => {
  process.env = { ...saved };
});

describe('botcoin-miner receipts list', () => {
  it('prints every receipt of the wallet with its current state and history as JSON', async () => {
    const result = await runCli(['--json', 'receipts', 'list', '--wallet', WALLET], receipts);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.wallet).toBe(WALLET.toLowerCase());
    expect(json.receipts.map((r: { receiptId: string; state: string }) => [r.receiptId, r.state])).toEqual([
      ['rig:7:42:1', 'confirmed'],
      ['rig:7:42:2', 'signed'],
    ]);
    expect(json.receipts[0]).toMatchObject({ txHash: txHash(1), creditsEarned: '520', blockNumber: '100' });
    expect(json.receipts[0].history.map((h: { state: string }) => h.state)).toEqual(['signed', 'broadcast', 'confirmed']);
    expect(json.receipts[0].rawTransaction).toBeUndefined();
  });

  it('filters by --state and reads the wallet from MINER_ADDRESS', async () => {
    process.env.MINER_ADDRESS = WALLET;
    const result = await runCli(['receipts', 'list', '--state', 'signed'], receipts);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('signed');
    expect(result.stdout).toContain(txHash(2));
    expect(result.stdout).not.toContain(txHash(1));
  });

  it('refuses an unknown state and a missing wallet with exit code 2', async () => {
    const badState = await runCli(['--json', 'receipts', 'list', '--wallet', WALLET, '--state', 'pending'], receipts);
    expect(badState.exitCode).toBe(2);
    expect(JSON.parse(badState.stdout).error.hint).toContain('confirmed');
    const noWallet = await runCli(['--json', 'receipts', 'list'], receipts);
    expect(noWallet.exitCode).toBe(2);
    expect(JSON.parse(noWallet.stdout).error.message).toMatch(/No wallet/);
  });
});
