// A compromised coordinator tries to make the miner sign something other than its own receipt.
// Each attempt must be refused before signing (exit 6), send nothing (the nonce is unchanged) and
// be recorded in the ledger as an error. The real CLI runs against the sandbox coordinator's
// hostile mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import type { HostileMode } from '../../src/sandbox/coordinator/index.js';
import { runCli } from '../support/cli.js';
import { nonces, startMinerWorld, type MinerWorld } from '../miner/support/network.js';

let world: MinerWorld;

beforeAll(async () => {
  world = await startMinerWorld({ sandbox: { epochSeconds: 3600 } });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

const cases: Array<{ mode: HostileMode; lane: 'wallet' | 'rig'; says: RegExp }> = [
  { mode: 'foreign-to', lane: 'wallet', says: /not an allow-listed contract/ },
  { mode: 'nonzero-value', lane: 'wallet', says: /sends 1000000000000000000 wei/ },
  { mode: 'erc20-transfer', lane: 'wallet', says: /transfer\(address,uint256\), which is not a wallet-lane receipt/ },
  { mode: 'wrong-chain', lane: 'wallet', says: /for chain \d+, but the RPC node is on chain/ },
  { mode: 'foreign-miner', lane: 'wallet', says: /receipt is for miner 0x4242/ },
  { mode: 'erc20-transfer', lane: 'rig', says: /transfer\(address,uint256\)/ },
  { mode: 'foreign-miner', lane: 'rig', says: /operator 0x4242/ },
];

describe('a hostile coordinator', () => {
  for (const { mode, lane, says } of cases) {
    it(`${mode} on the ${lane} lane: refused before signing, exit 6, nothing sent, recorded`, async () => {
      const address = lane === 'wallet' ? world.minerAddress : world.operatorAddress;
      const before = await nonces(world, address);
      world.sandbox.coordinator.setHostile(mode);
      let result;
      try {
        result = await runCli(['--json', 'mine', '--lane', lane, '--count', '1', ...(lane === 'rig' ? ['--rigs', world.rigIds[0] as string] : [])], { env: world.cliEnv(lane) });
      } finally {
        world.sandbox.coordinator.setHostile('off');
      }
      expect(result.code, result.stderr).toBe(6);
      const { error } = JSON.parse(result.stdout) as { error: { code: string; message: string } };
      expect(error.code).toBe('GUARD_REFUSED');
      expect(error.message).toMatch(says);
      expect(await nonces(world, address)).toEqual(before);

      const ledger = openLedger({ wallet: address, dir: world.dataDir });
      const passes = (await ledger.read({ kind: 'feedback' })).filter((r) => r.kind === 'feedback' && r.pass);
      const challengeId = (passes.at(-1) as { challengeId: string }).challengeId;
      const errors = await ledger.read({ kind: 'error', challengeId });
      expect(errors.some((r) => r.kind === 'error' && r.code === 'GUARD_REFUSED' && says.test(r.message))).toBe(true);
      expect((await ledger.read({ kind: 'receipt', challengeId }))).toEqual([]);
    }, 60_000);
  }

  it('mines normally once the coordinator behaves, leaving the refused passes unsigned', async () => {
    const before = await nonces(world, world.minerAddress);
    const result = await runCli(['--json', 'mine', '--lane', 'wallet', '--count', '1'], { env: world.cliEnv('wallet') });
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { confirmed: number; recovery: { unsigned: Array<{ state: string }> } };
    expect(summary.confirmed).toBe(1);
    // Recovery looked at the refused passes again, refused them again, and recorded them dropped.
    expect(summary.recovery.unsigned.length).toBeGreaterThan(0);
    expect(summary.recovery.unsigned.every((u) => u.state === 'dropped')).toBe(true);
    const after = await nonces(world, world.minerAddress);
    expect(after).toEqual([before[0] + 1, before[1] + 1]);
  }, 60_000);
});
