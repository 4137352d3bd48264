/**
 * One rate-limit budget for all rigs of an operator (spec/protocol.md §5: the limit is per
 * operator wallet across lanes). When any request is told to slow down (429), every rig waits
 * out the same pause before its next coordinator call, instead of each rig discovering the limit
 * on its own and spending more rate-limited requests.
 */
import { setTimeout as delay } from 'node:timers/promises';

export class RateGate {
  private resumeAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A 429 (or a refusal asking to wait) was seen: nobody calls the coordinator for `ms`. */
  pause(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, this.now() + Math.max(0, ms));
  }

  /** How long callers still have to wait, in ms. */
  get remainingMs(): number {
    return Math.max(0, this.resumeAt - this.now());
  }

  /** Resolves once the shared pause (if any) is over; re-checks, since it may be extended meanwhile. */
  async wait(signal?: AbortSignal): Promise<void> {
    for (let left = this.remainingMs; left > 0; left = this.remainingMs) {
      await delay(left, undefined, signal === undefined ? {} : { signal });
    }
  }
}
