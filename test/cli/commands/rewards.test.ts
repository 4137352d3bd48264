// The life-cycle commands driven as a user would, in-process against a sandbox started with
// `startSandbox` (it writes the description `--sandbox` reads): claim (dry run, confirmation,
// payout, nothing left), status/epoch/credits, rig status, and stake → unstake → withdraw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestClient, erc20Abi, http, parseUnits, type Address, type Hex } from 'viem';
import { createLocalClients, localAccount } from '../../../src/sandbox/chain/clients.js';
import { findFreePort } from '../../../src/sandbox/chain/free-port.js';
import { sandboxMiningAbi, testBotcoinAbi } from '../../../src/sandbox/contracts/index.js';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox/network/index.js';
import { earnRigCredit, earnWalletCredit, type SandboxEndpoints } from '../../rewards/support/earn.js';
import { usePromptIo } from '../../../src/cli/prompt-io.js';
import { runCli } from '../support/rewards-commands.js';
import { type, wizardTerminal } from '../support/wizard-terminal.js';

const WAD = 10n ** 18n;
const REWARD = 1000n * WAD;
const BONUS = 50n * WAD;
const EPOCH_SECONDS = 600;

describe('rewards commands on a sandbox', () => {
  const saved = { ...process.env };
  let sandbox: SandboxHandle;
  let endpoints: SandboxEndpoints;
  let epoch: string;
  const d = () => sandbox.description;
  const miner = (): Address => d().accounts.miner.address as Address;
  const publicClient = () => createLocalClients(d().chain.rpcUrl, d().chain.chainId, localAccount(d().accounts.owner.privateKey as Hex)).publicClient;
  const nonce = (address: Address) => publicClient().getTransactionCount({ address, blockTag: 'pending' });
  const balance = (address: Address) => publicClient().readContract({ address: d().contracts.botcoin as Address, abi: erc20Abi, functionName: 'balanceOf', args: [address] });
  const staked = (address: Address) => publicClient().readContract({ address: d().contracts.mining as Address, abi: sandboxMiningAbi, functionName: 'stakedAmount', args: [address] }) as Promise<bigint>;
  const increaseTime = async (seconds: number) => {
    const test = createTestClient({ mode: 'anvil', transport: http(d().chain.rpcUrl, { retryCount: 0 }) });
    await test.increaseTime({ seconds });
    await test.mine({ blocks: 1 });
  };
  const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'botcoin-rewards-cli-'));
    process.env.BOTCOIN_DATA_DIR = dataDir;
    process.env.BOTCOIN_CONFIG_DIR = join(dataDir, 'config');
    process.env.BOTCOIN_LANE = 'wallet';
    delete process.env.MINER_ADDRESS;
    delete process.env.BOTCOIN_PRIVATE_KEY;
    sandbox = await startSandbox({
      dataDir,
      epochSeconds: EPOCH_SECONDS,
      rigs: 1,
      coordinator: { operator: { intervalMs: 100, epochReward: REWARD, bonusEvery: 1, bonusReward: BONUS } },
    });
    endpoints = { coordinatorUrl: d().coordinator.url, rpcUrl: d().chain.rpcUrl, chainId: d().chain.chainId, answerKeyDir: d().answerKeyDir };
  });
  afterAll(async () => {
    await sandbox?.stop();
    process.env = { ...saved };
  });

  it('status, epoch and credits read the chain and the ledger without any key', async () => {
    epoch = await earnWalletCredit(endpoints, d().accounts.miner.privateKey as Hex);
    await earnRigCredit(endpoints, d().accounts.operator.privateKey as Hex, BigInt(d().accounts.operator.rigIds[0]!));

    const epochResult = await runCli(['--json', '--sandbox', 'epoch']);
    expect(epochResult.exitCode).toBe(0);
    expect(json(epochResult.stdout)).toMatchObject({ epochId: epoch, durationSeconds: EPOCH_SECONDS });
    expect(Number(json(epochResult.stdout).secondsLeft)).toBeGreaterThan(0);

    const credits = await runCli(['--json', '--sandbox', 'credits']);
    expect(credits.exitCode).toBe(0);
    expect(json(credits.stdout).epochs).toEqual([expect.objectContaining({ epochId: epoch, credits: '100', claimable: false, blocker: 'running' })]);

    const status = await runCli(['--json', '--sandbox', 'status']);
    expect(status.exitCode).toBe(0);
    expect(json(status.stdout)).toMatchObject({ lane: 'wallet', address: miner(), epoch: { epochId: epoch }, chain: { epochs: [{ epochId: epoch, credits: '100' }] } });
    expect(json(status.stdout).ledger).toMatchObject({ today: { attempts: 0 }, receipts: { confirmed: 0 } });

    const human = await runCli(['--sandbox', 'status']);
    expect(human.stdout).toMatch(new RegExp(`^epoch ${epoch}, .* left`, 'm'));
  });

  it('rig status shows authorization and the cursor of each rig', async () => {
    const rigId = d().accounts.operator.rigIds[0]!;
    const result = await runCli(['--json', '--sandbox', 'rig', 'status']);
    expect(result.exitCode).toBe(0);
    expect(json(result.stdout)).toMatchObject({ operator: d().accounts.operator.address, epochId: epoch, rigs: [{ rigId, authorized: true, nextIndex: '1' }] });
    expect(json(result.stdout).rigs[0].lastReceiptHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(BigInt(json(result.stdout).rigs[0].lastReceiptHash)).not.toBe(0n);
  });

  it('doctor passes on the healthy sandbox (no key needed); a coordinator that is down exits 3 with its hint', async () => {
    process.env.NO_COLOR = '1';
    const healthy = await runCli(['--sandbox', 'doctor']);
    expect(healthy.exitCode, healthy.stdout).toBe(0);
    expect(healthy.stdout).not.toMatch(/\u001b\[/);
    for (const id of ['coordinator', 'skill', 'rpc', 'wallet', 'gas', 'eligibility']) expect(healthy.stdout).toMatch(new RegExp(`^✓ ${id} `, 'm'));
    expect(healthy.stdout).toMatch(/^– model +no model configured/m);

    const closed = `http://127.0.0.1:${await findFreePort()}`;
    process.env.MINER_ADDRESS = miner();
    try {
      const down = await runCli(['--json', '--coordinator', closed, '--rpc', d().chain.rpcUrl, 'doctor']);
      expect(down.exitCode).toBe(3);
      const report = json(down.stdout) as { ok: boolean; checks: Array<{ id: string; ok: boolean; hint?: string }> };
      expect(report.ok).toBe(false);
      expect(report.checks[0]).toMatchObject({ id: 'coordinator', ok: false, hint: expect.stringContaining('COORDINATOR_URL') });
      expect(report.checks.find((c) => c.id === 'wallet')).toMatchObject({ ok: true });
    } finally {
      delete process.env.MINER_ADDRESS;
    }
  });

  it('claim finds nothing while the epoch runs (exit 0, a clear note)', async () => {
    const result = await runCli(['--json', '--sandbox', '--yes', 'claim']);
    expect(result.exitCode).toBe(0);
    expect(json(result.stdout)).toMatchObject({ claims: [], note: expect.stringMatching(/^Nothing to claim/) });
  });

  it('after the epoch ends: --dry-run guards and simulates the claims and sends nothing', async () => {
    await increaseTime(EPOCH_SECONDS);
    await expect
      .poll(() => publicClient().readContract({ address: d().contracts.mining as Address, abi: sandboxMiningAbi, functionName: 'epochFinalized', args: [BigInt(epoch)] }), { timeout: 20_000, interval: 100 })
      .toBe(true);
    const before = await nonce(miner());
    const result = await runCli(['--json', '--sandbox', 'claim', '--dry-run']);
    expect(result.exitCode).toBe(0);
    const doc = json(result.stdout);
    expect(doc).toMatchObject({ dryRun: true, note: expect.stringMatching(/^Dry run/) });
    expect(doc.claims).toEqual([
      { kind: 'claim', epochs: [epoch], expected: REWARD.toString(), to: d().contracts.mining, function: `claim([${epoch}])` },
      { kind: 'bonus_claim', epochs: [epoch], to: d().contracts.mining, function: `claimBonus([${epoch}])` },
    ]);
    expect(await nonce(miner())).toBe(before);
  });

  it('refuses to send without --yes when there is no terminal to confirm on', async () => {
    const before = await nonce(miner());
    const result = await runCli(['--json', '--sandbox', 'claim']);
    expect(result.exitCode).toBe(2);
    expect(json(result.stdout).error).toMatchObject({ code: 'BAD_USAGE', hint: expect.stringContaining('--yes') });
    expect(await nonce(miner())).toBe(before);
  });

  it('asks before sending on a terminal; answering no sends nothing', async () => {
    const terminal = wizardTerminal([{ prompt: 'Send 2 claim transactions?', keys: type('n') }]);
    const before = await nonce(miner());
    usePromptIo(terminal);
    try {
      const result = await runCli(['--sandbox', 'claim']);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(`will send claim([${epoch}]) to ${d().contracts.mining} (expected 1000 BOTCOIN)`);
      expect(result.stdout).toMatch(/^Cancelled: nothing was sent\.$/m);
    } finally {
      usePromptIo(undefined);
    }
    expect(terminal.answered()).toBe(1);
    expect(await nonce(miner())).toBe(before);
  });

  it('claim --yes pays reward × credits / total (the only credits: the whole reward) plus the bonus; a second claim finds nothing', async () => {
    const before = await balance(miner());
    const result = await runCli(['--json', '--sandbox', '--yes', 'claim']);
    expect(result.exitCode).toBe(0);
    const claims = json(result.stdout).claims as Array<{ paid: string; txHash: string }>;
    expect(claims.map((c) => c.paid)).toEqual([REWARD.toString(), BONUS.toString()]);
    expect(claims.every((c) => /^0x[0-9a-f]{64}$/.test(c.txHash))).toBe(true);
    expect((await balance(miner())) - before).toBe(REWARD + BONUS);

    const again = await runCli(['--sandbox', '--yes', 'claim']);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to claim: no ended epoch is funded, finalized, credited and unclaimed in the last 64 epochs\.$/m);
    expect((await balance(miner())) - before).toBe(REWARD + BONUS);

    const credits = await runCli(['--sandbox', 'credits']);
    expect(credits.stdout).toMatch(new RegExp(`^epoch ${epoch}: 100 credits  claimed  1000 BOTCOIN$`, 'm'));
  });

  it('on the rig lane, claims for each configured rig (credited epochs from the coordinator) and pays the rig', async () => {
    const rigId = d().accounts.operator.rigIds[0]!;
    process.env.BOTCOIN_LANE = 'rig';
    try {
      const dry = await runCli(['--json', '--sandbox', 'claim', '--dry-run']);
      expect(dry.exitCode).toBe(0);
      expect(json(dry.stdout).claims.map((c: { kind: string; rigId: string; epochs: string[] }) => [c.kind, c.rigId, c.epochs])).toEqual([
        ['claim', rigId, [epoch]],
        ['bonus_claim', rigId, [epoch]],
      ]);
      const result = await runCli(['--json', '--sandbox', '--yes', 'claim']);
      expect(result.exitCode).toBe(0);
      // The rig earned the epoch's only rig-lane credits: the whole reward and bonus of the rig contract.
      expect(json(result.stdout).claims.map((c: { function: string; paid: string }) => [c.function, c.paid])).toEqual([
        [`claimRig(${rigId}, [${epoch}])`, REWARD.toString()],
        [`claimBonus(${rigId}, [${epoch}])`, BONUS.toString()],
      ]);
      const again = await runCli(['--json', '--sandbox', '--yes', 'claim']);
      expect(json(again.stdout)).toMatchObject({ claims: [], note: expect.stringMatching(/^Nothing to claim/) });
    } finally {
      process.env.BOTCOIN_LANE = 'wallet';
    }
  });

  it('stake (exact decimals) → unstake → withdraw refused during the cooldown → withdraw after it', async () => {
    const owner = createLocalClients(d().chain.rpcUrl, d().chain.chainId, localAccount(d().accounts.owner.privateKey as Hex));
    const extra = parseUnits('1000.5', 18);
    const minted = await owner.walletClient.writeContract({ address: d().contracts.botcoin as Address, abi: testBotcoinAbi, functionName: 'mint', args: [miner(), extra] });
    await owner.publicClient.waitForTransactionReceipt({ hash: minted });
    const stakedBefore = await staked(miner());

    const before = await nonce(miner());
    const dry = await runCli(['--json', '--sandbox', 'stake', '1000.5', '--dry-run']);
    expect(dry.exitCode).toBe(0);
    expect(json(dry.stdout).steps.map((s: { function: string; simulated: boolean }) => [s.function.split('(')[0], s.simulated])).toEqual([
      ['approve', true],
      ['stake', false],
    ]);
    expect(await nonce(miner())).toBe(before);

    const stake = await runCli(['--json', '--sandbox', '--yes', 'stake', '1000.5']);
    expect(stake.exitCode).toBe(0);
    expect(json(stake.stdout)).toMatchObject({ amount: extra.toString(), position: { staked: (stakedBefore + extra).toString(), eligible: true } });
    expect(await staked(miner())).toBe(stakedBefore + extra);

    const unstake = await runCli(['--json', '--sandbox', '--yes', 'unstake']);
    expect(unstake.exitCode).toBe(0);
    expect(BigInt(json(unstake.stdout).position.withdrawableAt)).toBeGreaterThan(0n);

    const early = await runCli(['--json', '--sandbox', '--yes', 'withdraw']);
    expect(early.exitCode).toBe(6);
    expect(json(early.stdout).error.message).toMatch(/^The unstake cooldown has not elapsed: the stake can be withdrawn at .* \(in \d+ s\)\.$/);

    await increaseTime(601);
    const walletBefore = await balance(miner());
    const withdraw = await runCli(['--json', '--sandbox', '--yes', 'withdraw']);
    expect(withdraw.exitCode).toBe(0);
    expect(json(withdraw.stdout).position).toMatchObject({ staked: '0', withdrawableAt: '0', eligible: false });
    expect((await balance(miner())) - walletBefore).toBe(stakedBefore + extra);
  });

  it('refuses a malformed amount with exit 2', async () => {
    const result = await runCli(['--json', '--sandbox', 'stake', '1.2.3']);
    expect(result.exitCode).toBe(2);
    expect(json(result.stdout).error.message).toMatch(/not an amount of BOTCOIN/);
  });
});
