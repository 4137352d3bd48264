import { describe, it, expect, afterEach } from 'vitest';
import { containsSecret, redact, registerSecret, unregisterSecret } from '../../src/safety/secrets.js';

/** anvil's fourth well-known development key: never holds real funds. */
const KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const API_KEY = 'sk-proj-AbCdEfGh1234567890';

afterEach(() => {
  unregisterSecret(KEY);
  unregisterSecret(API_KEY);
});

describe('the secret registry', () => {
  it('finds a registered key with or without 0x, in any letter case', () => {
    expect(containsSecret(`{"k":"${KEY}"}`)).toBe(false);
    registerSecret(KEY);
    expect(containsSecret(`{"k":"${KEY}"}`)).toBe(true);
    expect(containsSecret(`raw ${KEY.slice(2).toUpperCase()} end`)).toBe(true);
    expect(containsSecret(`a different hash 0x${'ab'.repeat(32)}`)).toBe(false);
  });

  it('forgets a key once unregistered', () => {
    registerSecret(KEY);
    unregisterSecret(KEY.toUpperCase().replace('0X', '0x'));
    expect(containsSecret(KEY)).toBe(false);
  });

  it('ignores values too short to be secrets (they would match ordinary text)', () => {
    expect(registerSecret('abc')).toBe(false);
    expect(containsSecret('abc')).toBe(false);
  });

  it('redacts registered secrets as given and in other cases, leaving other text alone', () => {
    registerSecret(KEY);
    registerSecret(API_KEY);
    const text = `key ${KEY} upper ${KEY.slice(2).toUpperCase()} api ${API_KEY} tx 0x${'ab'.repeat(32)}`;
    const out = redact(text);
    expect(out).not.toMatch(/7c852118/i);
    expect(out).not.toContain('AbCdEfGh');
    expect(out).toContain(`tx 0x${'ab'.repeat(32)}`);
    expect(out).toContain('[redacted]');
  });
});
