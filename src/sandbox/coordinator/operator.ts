/**
 * The chain operator's duties, run by the coordinator on a timer (spec/sandbox.md §3):
 * commit each epoch's secret at its start (on demand as well, so a challenge never waits for
 * the timer), and once an epoch has ended reveal its secret, fund it (plus a bonus reward on
 * bonus epochs), and finalize it — on both the wallet-lane and the rig-lane contract — so
 * claims can be exercised. Transactions are sent one at a time from the operator key.
 */
import { erc20Abi, type Abi, type Address, type Hex } from 'viem';
import type { LocalWalletClient } from '../chain/clients.js';
import { sandboxMiningAbi, testBotcoinAbi } from '../contracts/index.js';
import type { ChainReader, RewardsContract } from './chain-reader.js';
import { epochCommitOf, epochSecret } from './epoch-secrets.js';

const OPERATOR_RECEIPT_TIMEOUT_MS = 30_000;

export interface OperatorOptions {
  reader: ChainReader;
  /** The operator account (the contracts' owner). */
  wallet: LocalWalletClient;
  serverSecret: Hex;
  intervalMs: number;
  epochReward: bigint;
  /** Every `bonusEvery`-th epoch (epochId % bonusEvery === bonusEvery - 1) is a bonus epoch; 0 = none. */
  bonusEvery: number;
  bonusReward: bigint;
  /** Called with each failed duty pass (the loop keeps running). */
  onError?: (error: unknown) => void;
}

const LANES: RewardsContract[] = ['mining', 'rigMining'];
/** How far back a coordinator joining an existing deployment looks for unsettled epochs. */
const LOOKBACK_EPOCHS = 64n;

export class EpochOperator {
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private running: Promise<void> | undefined;
  private nextUnsettled: bigint | undefined;
  lastError: unknown;

  constructor(private readonly options: OperatorOptions) {}

  start(): void {
    if (this.timer) return;
    const tick = (): void => {
      this.running = this.runDuties()
        .catch((error: unknown) => {
          this.lastError = error;
          this.options.onError?.(error);
        })
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running;
    await this.queue.catch(() => undefined);
  }

  /** One pass of every duty; also callable directly (tests, demos). */
  async runDuties(): Promise<void> {
    const current = await this.options.reader.currentEpoch();
    for (const lane of LANES) await this.ensureCommit(lane, current);
    this.nextUnsettled ??= current > LOOKBACK_EPOCHS ? current - LOOKBACK_EPOCHS : 0n;
    while (this.nextUnsettled < current) {
      for (const lane of LANES) await this.settle(lane, this.nextUnsettled);
      this.nextUnsettled += 1n;
    }
  }

  /** The epoch's on-chain commit, setting ours first when there is none. */
  async ensureCommit(lane: RewardsContract, epochId: bigint): Promise<Hex> {
    const existing = await this.options.reader.epochCommit(lane, epochId);
    if (BigInt(existing) !== 0n) return existing;
    return this.serial(async () => {
      const again = await this.options.reader.epochCommit(lane, epochId);
      if (BigInt(again) !== 0n) return again;
      const commit = epochCommitOf(this.secret(epochId));
      await this.send(this.options.reader.address(lane), sandboxMiningAbi, 'setEpochCommit', [epochId, commit]);
      return commit;
    });
  }

  secret(epochId: bigint): Hex {
    return epochSecret(this.options.serverSecret, epochId);
  }

  private async settle(lane: RewardsContract, epochId: bigint): Promise<void> {
    const status = await this.options.reader.epochStatus(lane, epochId);
    if (status.finalized) return;
    const address = this.options.reader.address(lane);
    const secret = this.secret(epochId);
    // Reveal only what we committed: another operator's commit has a secret we do not know.
    if (BigInt(status.secret) === 0n && status.commit === epochCommitOf(secret)) {
      await this.serial(() => this.send(address, sandboxMiningAbi, 'revealEpochSecret', [epochId, secret]));
    }
    // An epoch nobody earned credits in pays nobody: finalize it without funding.
    if (status.totalCredits > 0n) {
      if (status.reward === 0n) await this.fund(address, 'fundEpoch', epochId, this.options.epochReward);
      if (this.isBonusEpoch(epochId) && status.bonusReward === 0n) {
        await this.fund(address, 'fundBonus', epochId, this.options.bonusReward);
      }
    }
    await this.serial(() => this.send(address, sandboxMiningAbi, 'finalizeEpoch', [epochId]));
  }

  private isBonusEpoch(epochId: bigint): boolean {
    const every = BigInt(this.options.bonusEvery);
    return every > 0n && epochId % every === every - 1n && this.options.bonusReward > 0n;
  }

  private async fund(contract: Address, functionName: 'fundEpoch' | 'fundBonus', epochId: bigint, amount: bigint): Promise<void> {
    await this.serial(async () => {
      const token = this.options.reader.contracts.botcoin;
      const operator = this.options.wallet.account.address;
      const balance = await this.options.reader.read<bigint>(token, erc20Abi, 'balanceOf', [operator]);
      if (balance < amount) await this.send(token, testBotcoinAbi, 'mint', [operator, amount - balance]);
      await this.send(token, erc20Abi, 'approve', [contract, amount]);
      await this.send(contract, sandboxMiningAbi, functionName, [epochId, amount]);
    });
  }

  /** Sends one transaction and waits for it to be mined; a revert throws. */
  private async send(address: Address, abi: Abi, functionName: string, args: readonly unknown[]): Promise<void> {
    const hash = await this.options.wallet.writeContract({ address, abi, functionName, args });
    // Bounded: a chain stopped under us (sandbox shutdown) must not hold the loop for viem's 180 s.
    const receipt = await this.options.reader.client.waitForTransactionReceipt({ hash, timeout: OPERATOR_RECEIPT_TIMEOUT_MS });
    if (receipt.status !== 'success') throw new Error(`Operator transaction ${functionName} reverted (${hash}).`);
  }

  /** Operator transactions never overlap, so nonces and allowances stay consistent. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
