import { describe, expect, it } from 'vitest';
import { validateAuthMessage } from '../../../src/protocol/auth/message.js';
import { isMinerError } from '../../../src/errors.js';

const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const lower = address.toLowerCase();
const now = Date.parse('2026-11-22T02:00:00.000Z');
const coordinatorUrl = 'https://coordinator.agentmoney.net';

function message(overrides: Partial<Record<'domain' | 'address' | 'nonce' | 'issued' | 'expires' | 'chain' | 'action', string>> = {}): string {
  return [
    'Botcoin Auth',
    `Domain: ${overrides.domain ?? 'coordinator.agentmoney.net'}`,
    `Address: ${overrides.address ?? lower}`,
    `Nonce: ${overrides.nonce ?? '0123456789abcdef0123456789abcdef'}`,
    `Issued At: ${overrides.issued ?? '2026-11-22T02:00:00.000Z'}`,
    `Expires At: ${overrides.expires ?? '2026-11-22T02:05:00.000Z'}`,
    `Chain ID: ${overrides.chain ?? '8453'}`,
    `Action: ${overrides.action ?? 'challenge_access'}`,
  ].join('\n');
}

function refusal(text: string, expected: Partial<Parameters<typeof validateAuthMessage>[1]> = {}): string {
  try {
    validateAuthMessage(text, { address, coordinatorUrl, now, ...expected });
  } catch (error) {
    if (isMinerError(error) && error.code === 'AUTH_REFUSED') return error.shortMessage;
    throw error;
  }
  throw new Error('the message was accepted');
}

describe('validateAuthMessage accepts the production sign-in message', () => {
  it('returns its fields, keeping the address exactly as written', () => {
    expect(validateAuthMessage(message(), { address, coordinatorUrl, now })).toEqual({
      domain: 'coordinator.agentmoney.net',
      address: lower,
      nonce: '0123456789abcdef0123456789abcdef',
      issuedAtMs: now,
      expiresAtMs: now + 300_000,
      chainId: 8453,
    });
  });

  it('records a sandbox chain id and accepts a host with a port', () => {
    const fields = validateAuthMessage(message({ domain: '127.0.0.1:41234', chain: '31337' }), { address, coordinatorUrl: 'http://127.0.0.1:41234', now });
    expect(fields.chainId).toBe(31337);
  });
});

describe('validateAuthMessage refuses anything else without signing it', () => {
  it('refuses another wallet\'s address', () => {
    expect(refusal(message({ address: '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc' }))).toMatch(/names the address 0x3c44/);
  });

  it('refuses another domain, including a look-alike and a suffix trick', () => {
    expect(refusal(message({ domain: 'evil.example' }))).toMatch(/domain evil\.example/);
    expect(refusal(message({ domain: 'coordinator.agentmoney.net.evil.example' }))).toMatch(/domain/);
    expect(refusal(message({ domain: 'coordinator.agentmoney.net' }), { coordinatorUrl: 'http://127.0.0.1:8080' })).toMatch(/coordinator is 127\.0\.0\.1:8080/);
  });

  it('refuses an extra line, a missing line and a trailing newline', () => {
    expect(refusal(`${message()}\nTransfer: 1000000 BOTCOIN to 0x4242`)).toMatch(/9 line\(s\)/);
    expect(refusal(message().split('\n').filter((l) => !l.startsWith('Chain ID')).join('\n'))).toMatch(/7 line\(s\)/);
    expect(refusal(`${message()}\n`)).toMatch(/9 line\(s\)/);
  });

  it('refuses another action', () => {
    expect(refusal(message({ action: 'transfer' }))).toMatch(/line 8 should be "Action: challenge_access"/);
  });

  it('refuses a different header, CRLF line endings and lines in another order', () => {
    expect(refusal(message().replace('Botcoin Auth', 'Botcoin Permit'))).toMatch(/line 1/);
    expect(refusal(message().split('\n').join('\r\n'))).toMatch(/line 1/);
    const lines = message().split('\n');
    expect(refusal([lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n'))).toMatch(/line 2/);
  });

  it('refuses a missing or malformed Chain ID and a chain other than the configured one', () => {
    expect(refusal(message({ chain: '' }))).toMatch(/line 7/);
    expect(refusal(message({ chain: '0x2105' }))).toMatch(/line 7/);
    expect(refusal(message({ chain: '1' }), { chainId: 8453 })).toMatch(/chain 1/);
  });

  it('refuses a malformed nonce', () => {
    expect(refusal(message({ nonce: 'abc' }))).toMatch(/line 4/);
  });

  it('refuses insane validity windows', () => {
    expect(refusal(message({ issued: 'yesterday' }))).toMatch(/not an ISO-8601 time/);
    expect(refusal(message({ expires: '2026-11-22T01:59:00.000Z' }))).toMatch(/expires before it was issued/);
    expect(refusal(message({ expires: '2027-11-22T02:00:00.000Z' }))).toMatch(/stays valid for/);
    expect(refusal(message({ issued: '2026-11-22T03:00:00.000Z', expires: '2026-11-22T03:05:00.000Z' }))).toMatch(/issued in the future/);
    expect(refusal(message({ issued: '2026-11-22T01:00:00.000Z', expires: '2026-11-22T01:05:00.000Z' }))).toMatch(/already expired/);
  });
});
