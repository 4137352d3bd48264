import { describe, expect, it } from 'vitest';
import { createTokenManager, type SignInOutcome, type SignInReason, type TokenKey } from '../../../src/protocol/auth/token-manager.js';
import { REFRESH_LEAD_MAX_MS, REFRESH_LEAD_MIN_MS, localExpiryMs, refreshAtMs } from '../../../src/protocol/auth/token-policy.js';

const wallet = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const other = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc';

/** A sign-in counterpart that issues numbered 600 s tokens and records every flow. */
function issuer(options: { ttlSeconds?: number; disabled?: boolean } = {}) {
  const flows: Array<{ key: TokenKey; reason: SignInReason }> = [];
  let gate: Promise<void> = Promise.resolve();
  return {
    flows,
    hold(): () => void {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    authenticate: async (key: TokenKey, reason: SignInReason): Promise<SignInOutcome> => {
      flows.push({ key, reason });
      await gate;
      if (options.disabled) return { kind: 'auth_disabled' };
      return { kind: 'token', token: `token-${flows.length}`, expiresInSeconds: options.ttlSeconds ?? 600 };
    },
  };
}

describe('refresh policy', () => {
  it('refreshes a 600 s token between 30 and 90 s before expiry, depending on the jitter', () => {
    expect(refreshAtMs(0, 600_000, () => 0)).toBe(600_000 - REFRESH_LEAD_MIN_MS);
    expect(refreshAtMs(0, 600_000, () => 0.999999)).toBeCloseTo(600_000 - REFRESH_LEAD_MAX_MS, -1);
    expect(refreshAtMs(0, 600_000, () => 0.5)).toBe(540_000);
  });

  it('caps the lead at half the lifetime of a very short token', () => {
    expect(refreshAtMs(1_000, 5_000, () => 0.5)).toBe(3_000);
  });

  it('takes the earlier of expiresInSeconds (local clock) and the server\'s expiresAt', () => {
    const requestedAt = Date.parse('2026-11-22T02:00:00Z');
    expect(localExpiryMs(requestedAt, { expiresInSeconds: 600 })).toBe(requestedAt + 600_000);
    expect(localExpiryMs(requestedAt, { expiresInSeconds: 600, expiresAt: '2026-11-22T02:05:00Z' })).toBe(requestedAt + 300_000);
    expect(localExpiryMs(requestedAt, { expiresInSeconds: 600, expiresAt: '2026-11-22T03:00:00Z' })).toBe(requestedAt + 600_000);
  });
});

describe('createTokenManager', () => {
  it('reuses the token until its refresh time, then signs in again', async () => {
    let now = 1_000_000;
    const counterpart = issuer();
    const tokens = createTokenManager({ authenticate: counterpart.authenticate, now: () => now, random: () => 0.5 });
    const key = { address: wallet, lane: 'wallet' as const };
    expect(await tokens.token(key)).toBe('token-1');
    now += 539_999; // refresh at 600 s - 60 s (jitter 0.5)
    expect(await tokens.token(key)).toBe('token-1');
    now += 1;
    expect(await tokens.token(key)).toBe('token-2');
    expect(counterpart.flows.map((f) => f.reason)).toEqual(['initial', 'refresh']);
  });

  it('draws the refresh lead per token, so two wallets do not refresh at the same moment', async () => {
    let now = 0;
    const draws = [0, 1 - 1e-9];
    const counterpart = issuer();
    const tokens = createTokenManager({ authenticate: counterpart.authenticate, now: () => now, random: () => draws.shift() ?? 0 });
    await tokens.token({ address: wallet, lane: 'wallet' });
    await tokens.token({ address: other, lane: 'wallet' });
    now = 600_000 - 60_000; // inside the 90 s lead of `other`, outside the 30 s lead of `wallet`
    await tokens.token({ address: wallet, lane: 'wallet' });
    await tokens.token({ address: other, lane: 'wallet' });
    expect(counterpart.flows.map((f) => [f.key.address, f.reason])).toEqual([
      [wallet, 'initial'],
      [other, 'initial'],
      [other, 'refresh'],
    ]);
  });

  it('keeps one token per wallet and lane', async () => {
    const counterpart = issuer();
    const tokens = createTokenManager({ authenticate: counterpart.authenticate });
    const rig = await tokens.token({ address: wallet, lane: 'rig' });
    const walletLane = await tokens.token({ address: wallet.toUpperCase().replace('0X', '0x'), lane: 'wallet' });
    expect(rig).not.toBe(walletLane);
    expect(await tokens.token({ address: wallet, lane: 'rig' })).toBe(rig);
    expect(counterpart.flows).toHaveLength(2);
  });

  it('runs one sign-in flow for concurrent callers (single flight)', async () => {
    const counterpart = issuer();
    const release = counterpart.hold();
    const tokens = createTokenManager({ authenticate: counterpart.authenticate });
    const key = { address: wallet, lane: 'rig' as const };
    const waiting = Array.from({ length: 8 }, () => tokens.token(key));
    release();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['token-1']));
    expect(counterpart.flows).toHaveLength(1);
  });

  it('runs the two lanes of one wallet one after the other, never at the same time', async () => {
    let active = 0;
    let maxActive = 0;
    const tokens = createTokenManager({
      authenticate: async (key) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 20));
        active--;
        return { kind: 'token', token: `token-${key.lane}`, expiresInSeconds: 600 };
      },
    });
    const both = await Promise.all([tokens.token({ address: wallet, lane: 'wallet' }), tokens.token({ address: wallet, lane: 'rig' })]);
    expect(both).toEqual(['token-wallet', 'token-rig']);
    expect(maxActive).toBe(1);
  });

  it('signs in again after a 401 only once for concurrent callers, and ignores a stale token\'s 401', async () => {
    const counterpart = issuer();
    const tokens = createTokenManager({ authenticate: counterpart.authenticate });
    const key = { address: wallet, lane: 'wallet' as const };
    const first = await tokens.token(key);
    tokens.invalidate(key, first);
    tokens.invalidate(key, first);
    const [a, b] = await Promise.all([tokens.token(key), tokens.token(key)]);
    expect([a, b]).toEqual(['token-2', 'token-2']);
    tokens.invalidate(key, first); // a late 401 of a request that carried the old token
    expect(await tokens.token(key)).toBe('token-2');
    expect(counterpart.flows.map((f) => f.reason)).toEqual(['initial', 'unauthorized']);
  });

  it('lets every waiting caller see a failed sign-in, and tries again on the next call', async () => {
    let calls = 0;
    const tokens = createTokenManager({
      authenticate: async () => {
        calls++;
        if (calls === 1) throw new Error('coordinator down');
        return { kind: 'token', token: 'late', expiresInSeconds: 600 };
      },
    });
    const key = { address: wallet, lane: 'wallet' as const };
    const results = await Promise.allSettled([tokens.token(key), tokens.token(key)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await tokens.token(key)).toBe('late');
    expect(calls).toBe(2);
  });

  it('remembers "auth disabled" (no header) for a while, then asks again', async () => {
    let now = 0;
    const counterpart = issuer({ disabled: true });
    const tokens = createTokenManager({ authenticate: counterpart.authenticate, now: () => now });
    const key = { address: wallet, lane: 'wallet' as const };
    expect(await tokens.token(key)).toBeUndefined();
    now += 60_000;
    expect(await tokens.token(key)).toBeUndefined();
    expect(counterpart.flows).toHaveLength(1);
    now += 300_000;
    await tokens.token(key);
    expect(counterpart.flows).toHaveLength(2);
  });
});
