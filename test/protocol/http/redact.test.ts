import { describe, expect, it } from 'vitest';
import { redactSecrets, secretHeaderValues } from '../../../src/protocol/http/redact.js';

describe('secretHeaderValues', () => {
  it('collects credential headers, with and without the Bearer prefix, and nothing else', () => {
    const secrets = secretHeaderValues({
      authorization: 'Bearer tok-123456',
      'x-api-key': 'sk-ant-abc',
      'user-agent': 'botcoin-miner/0.1.0',
      'anthropic-version': '2023-06-01',
    });
    expect(secrets.sort()).toEqual(['Bearer tok-123456', 'sk-ant-abc', 'tok-123456'].sort());
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of a secret', () => {
    expect(redactSecrets('key sk-ant-abc was wrong; sk-ant-abc', ['sk-ant-abc'])).toBe('key [redacted] was wrong; [redacted]');
  });

  it("hides the leading characters providers echo when they mask a long key", () => {
    const key = 'sk-proj-AbCdEfGh1234567890wxyz';
    const echoed = 'Incorrect API key provided: sk-proj-********************wxyz.';
    expect(redactSecrets(echoed, [key])).not.toContain('sk-proj-');
  });

  it('leaves text without secrets alone', () => {
    expect(redactSecrets('nothing to hide', ['sk-ant-abc'])).toBe('nothing to hide');
  });
});
