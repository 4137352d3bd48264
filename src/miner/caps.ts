/**
 * Daily spend and attempt caps (`--max-attempts-per-day`, `--max-cost-per-day`), checked before
 * every attempt. Today's totals come from the ledger (`summarize`, UTC day: caps reset at 00:00
 * UTC) once, plus live counters for what this process spends afterwards — so parallel rigs see
 * each other's attempts and spend immediately, without re-reading the ledger each time. When the
 * UTC day changes, the baseline is read again.
 */
import { MinerError } from '../errors.js';
import { summarize, utcDayStart, type Ledger } from '../ledger/index.js';

export interface DailyCaps {
  maxAttemptsPerDay?: number;
  maxCostPerDay?: number;
}

export class CapGuard {
  private day = '';
  private attempts = 0;
  private costUsd = 0;

  constructor(
    private readonly ledger: Ledger,
    private readonly caps: DailyCaps,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get enabled(): boolean {
    return this.caps.maxAttemptsPerDay !== undefined || this.caps.maxCostPerDay !== undefined;
  }

  /**
   * Throws CAP_REACHED (exit 7) naming the cap and when it resets, if another attempt would exceed
   * one. `attempts: false` checks spend only (a dry run spends model money but no attempt).
   */
  async check(options: { attempts?: boolean } = {}): Promise<void> {
    if (!this.enabled) return;
    await this.refresh();
    const { maxAttemptsPerDay, maxCostPerDay } = this.caps;
    if (options.attempts !== false && maxAttemptsPerDay !== undefined && this.attempts >= maxAttemptsPerDay) {
      throw this.reached('attempts', `${this.attempts} of ${maxAttemptsPerDay} coordinator attempts used today`, '--max-attempts-per-day');
    }
    if (maxCostPerDay !== undefined && this.costUsd >= maxCostPerDay) {
      throw this.reached('cost', `$${this.costUsd.toFixed(4)} of $${maxCostPerDay} model spend used today`, '--max-cost-per-day');
    }
  }

  recordAttempt(): void {
    this.attempts++;
  }

  recordCost(usd: number): void {
    this.costUsd += usd;
  }

  private async refresh(): Promise<void> {
    const now = this.now();
    const day = now.toISOString().slice(0, 10);
    if (day === this.day) return;
    const records = await this.ledger.read({ since: utcDayStart(now), kind: ['attempt', 'model_call'] });
    const summary = summarize(records, { now });
    this.day = day;
    this.attempts = summary.today.attempts;
    this.costUsd = summary.today.costUsd;
  }

  private reached(cap: 'attempts' | 'cost', what: string, flag: string): MinerError {
    const resetsAt = new Date(utcDayStart(this.now()).getTime() + 86_400_000);
    return new MinerError('CAP_REACHED', `Daily ${cap} cap reached: ${what}.`, {
      details: `cap=${cap}; resetsAt=${resetsAt.toISOString()}`,
      hint: `It resets at ${resetsAt.toISOString()} (00:00 UTC); raise ${flag} to continue today.`,
    });
  }
}
