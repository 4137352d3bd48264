import { describe, expect, it } from 'vitest';
import { createStrategy, STRATEGY_NAMES } from '../../src/solver/index.js';
import { isMinerError } from '../../src/errors.js';

describe('createStrategy', () => {
  it('returns each strategy by name, hybrid by default', () => {
    expect(STRATEGY_NAMES.map((n) => createStrategy(n).name)).toEqual(['hybrid', 'llm', 'agent']);
    expect(createStrategy().name).toBe('hybrid');
  });

  it('refuses an unknown name with BAD_USAGE listing the choices', () => {
    let error: unknown;
    try {
      createStrategy('oracle');
    } catch (e) {
      error = e;
    }
    expect(isMinerError(error) && error.code).toBe('BAD_USAGE');
    expect(isMinerError(error) && error.hint).toMatch(/hybrid, llm, agent/);
  });
});
