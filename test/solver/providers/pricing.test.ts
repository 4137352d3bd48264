import { describe, expect, it } from 'vitest';
import { costUsd, findPrice } from '../../../src/solver/providers/pricing.js';

describe('findPrice', () => {
  it('finds listed models, their dated snapshots and vendor-prefixed names', () => {
    expect(findPrice('gpt-4o-mini')).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(findPrice('gpt-4o-mini-2024-07-18')).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(findPrice('gpt-4o-2024-08-06')).toEqual({ inputPerMTok: 2.5, outputPerMTok: 10 });
    expect(findPrice('claude-sonnet-4-5-20250929')).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(findPrice('anthropic/claude-sonnet-4.5')).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(findPrice('openai/gpt-4.1-mini')).toEqual({ inputPerMTok: 0.4, outputPerMTok: 1.6 });
  });

  it('does not guess: a name that merely starts like a listed model has no price', () => {
    expect(findPrice('gpt-5.1')).toBeUndefined();
    expect(findPrice('gpt-4o-audio-preview')).toBeUndefined();
    expect(findPrice('llama3.1:8b')).toBeUndefined();
  });

  it('prefers the configured override', () => {
    expect(findPrice('gpt-4o', { inputPerMTok: 0, outputPerMTok: 0 })).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
  });
});

describe('costUsd', () => {
  it('charges input and output tokens at their own rates', () => {
    const usage = { promptTokens: 2_000_000, completionTokens: 100_000, totalTokens: 2_100_000 };
    expect(costUsd(usage, { inputPerMTok: 3, outputPerMTok: 15 })).toBe(7.5);
    expect(costUsd(usage, undefined)).toBeUndefined();
  });
});
