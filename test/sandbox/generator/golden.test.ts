import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { generateChallenge, GENERATOR_VERSION, listDomains } from '../../../src/sandbox/generator/index.js';

/**
 * Golden hashes: the same seed and library version must give byte-identical output on every
 * Node version. A deliberate change to the generator or a library bumps GENERATOR_VERSION and
 * these hashes together.
 */
const SEED = 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210n;
const GOLDEN: Record<string, { payload: string; answerKey: string }> = {
  companies: {
    payload: '67a2095704de0bfa7a88f21af4bfa9c75e436eb5c9e3997e61f9c41b598891e4',
    answerKey: 'fe5660128782ef06773a66da8c50b4ca3cee687a8d53abafdf6f804bb8aa02d7',
  },
  quantum_codes: {
    payload: 'b76dfa88640debef2f1bfac00b9e0b9f80cce6a2c286c32fa7a311e3d5f34af2',
    answerKey: '5422cae489b7941ff346c1f31655b758df8c35b474833e97620aa1fc9cd70ee6',
  },
  scrna_imputation: {
    payload: 'b4a72fa48b78ac9235422b60f020632d42b94063bf18b6ad9510d0b132ad2f5e',
    answerKey: 'ef5271b3cfae41041167a5e8d6884bf1c7d6ada836af2bc2d2b6e616ed38b4ca',
  },
  stem_cell_studies: {
    payload: '64777fca5ff77ba6a92d9aa3a92cfa969b6acb78d89f4814e215524fa78b00cf',
    answerKey: '54807cc0831817b981522fd433e5ff06ca8d3468b476e5709f00ee24afedad2a',
  },
};

const sha256 = (data: unknown): string => createHash('sha256').update(JSON.stringify(data)).digest('hex');

describe(`generator golden output (version ${GENERATOR_VERSION})`, () => {
  it('covers every domain', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(listDomains().map((d) => d.name));
  });

  it.each(listDomains().map((d) => d.name))('%s: the fixed seed reproduces the stored hashes', (domain) => {
    const first = generateChallenge({ seed: SEED, domain });
    const again = generateChallenge({ seed: SEED, domain });
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect({ payload: sha256(first.payload), answerKey: sha256(first.answerKey) }).toEqual(GOLDEN[domain]);
  });

  it('different seeds and different domains give different challenges', () => {
    const a = generateChallenge({ seed: SEED, domain: 'companies' });
    const b = generateChallenge({ seed: SEED + 1n, domain: 'companies' });
    const c = generateChallenge({ seed: SEED, domain: 'quantum_codes' });
    expect(a.payload.challengeId).not.toBe(b.payload.challengeId);
    expect(a.payload.doc).not.toBe(b.payload.doc);
    expect(a.payload.challengeId).not.toBe(c.payload.challengeId);
    expect(a.payload.challengeId).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('accepts the full 128-bit seed range and refuses seeds outside it', () => {
    expect(generateChallenge({ seed: (1n << 128n) - 1n, domain: 'companies' }).answerKey.seed).toBe(((1n << 128n) - 1n).toString());
    expect(() => generateChallenge({ seed: 1n << 128n, domain: 'companies' })).toThrow(/seed/);
    expect(() => generateChallenge({ seed: -1n, domain: 'companies' })).toThrow(/seed/);
  });
});
