/**
 * Refuses a payment authorization that is already being used or was used here. The chain is
 * the final arbiter (a used EIP-3009 nonce fails verification), but between verification and
 * settlement the same `PAYMENT-SIGNATURE` could be sent twice and the work done twice for one
 * payment; claiming `(payer, nonce)` before verification closes that window. Entries expire
 * when the authorization does (`validBefore`): after that it cannot settle anyway.
 */
export class ReplayGuard {
  private readonly claims = new Map<string, number>();

  /** False when `key` is already claimed and its authorization has not expired. */
  claim(key: string, validBeforeSeconds: number, nowMs: number = Date.now()): boolean {
    this.prune(nowMs);
    if (this.claims.has(key)) return false;
    this.claims.set(key, validBeforeSeconds * 1000);
    return true;
  }

  /** Frees a claim whose payment was not consumed (the evaluation failed before settlement). */
  release(key: string): void {
    this.claims.delete(key);
  }

  private prune(nowMs: number): void {
    for (const [key, expiresMs] of this.claims) if (expiresMs < nowMs) this.claims.delete(key);
  }
}
