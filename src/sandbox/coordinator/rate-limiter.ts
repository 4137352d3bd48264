/**
 * Sliding-window request counting per key (a wallet, across both lanes). Answers how long
 * to wait when the window is full, which becomes `Retry-After`.
 */
import type { RateLimitRule } from './config.js';

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Records a hit and returns 0, or returns the seconds until one is allowed (nothing recorded). */
  take(key: string, rule: RateLimitRule): number {
    const now = this.now();
    const windowMs = rule.windowSeconds * 1000;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - windowMs);
    if (recent.length >= rule.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return (oldest + windowMs - now) / 1000;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return 0;
  }

  /** Forgets every recorded hit (tests and demos that need a fresh budget). */
  reset(): void {
    this.hits.clear();
  }
}
