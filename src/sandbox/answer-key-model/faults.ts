/**
 * Injectable faults for the answer-key replay, each on a schedule, so tests can prove the
 * solver detects or repairs what a real model gets wrong (or what a real API does).
 */
import { Prng } from '../../util/prng.js';

export const FAULT_KINDS = [
  'wrong_trap_answer',
  'miscounted_artifact',
  'arithmetic_slip',
  'bad_citation',
  'non_json',
  'truncated',
  'http_429',
  'http_500',
  'slow',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** When a rule fires: every call, calls of one attempt, the first N matching calls, or by chance. */
export type FaultSchedule = 'always' | { attempt: number } | { firstCalls: number } | { probability: number };

export interface FaultRule {
  fault: FaultKind;
  /** Default 'always'. */
  when?: FaultSchedule;
  /** Only calls declaring one of these Response-Schema ids (default: every call). */
  schemas?: string[];
  /** `slow`: the delay (default 2000 ms). */
  delayMs?: number;
  /** `http_429`: the Retry-After header value in seconds (default 1). */
  retryAfterSeconds?: number;
}

export interface FaultPlan {
  rules: FaultRule[];
  /** Seeds the PRNG behind `probability` schedules (default 1), so runs repeat exactly. */
  seed?: number;
}

export interface CallInfo {
  schema: string | undefined;
  attempt: number | undefined;
}

/** Decides, call by call, which rules fire. Counters are per rule and count only matching calls. */
export class FaultScheduler {
  private readonly matched: number[];
  private readonly rng: Prng;

  constructor(private readonly plan: FaultPlan = { rules: [] }) {
    this.matched = plan.rules.map(() => 0);
    this.rng = Prng.fromNumber(plan.seed ?? 1);
  }

  /** The rules that fire for this call. */
  fire(call: CallInfo): FaultRule[] {
    const fired: FaultRule[] = [];
    this.plan.rules.forEach((rule, i) => {
      if (rule.schemas && (!call.schema || !rule.schemas.includes(call.schema))) return;
      const index = this.matched[i] ?? 0;
      this.matched[i] = index + 1;
      if (this.due(rule.when ?? 'always', index, call)) fired.push(rule);
    });
    return fired;
  }

  private due(when: FaultSchedule, index: number, call: CallInfo): boolean {
    if (when === 'always') return true;
    if ('attempt' in when) return call.attempt === when.attempt;
    if ('firstCalls' in when) return index < when.firstCalls;
    return this.rng.nextU32() / 2 ** 32 < when.probability;
  }
}
