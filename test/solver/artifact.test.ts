import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { composeArtifact, type ArtifactSpec } from '../../src/solver/artifact.js';
import { MinerError } from '../../src/errors.js';

const words = (artifact: string): string[] => artifact.split(' ');

function expectValid(artifact: string, spec: ArtifactSpec): void {
  expect(artifact).not.toMatch(/\n|\r|\t|^ | $|  /);
  expect(words(artifact)).toHaveLength(spec.wordCount);
  const initials = words(artifact)
    .slice(0, spec.acrostic.length)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  expect(initials).toBe(spec.acrostic.toUpperCase());
  for (const token of spec.required) expect(artifact).toContain(token);
  if (spec.forbiddenLetter) expect(artifact.toLowerCase()).not.toContain(spec.forbiddenLetter.toLowerCase());
  for (const w of words(artifact)) expect(w).toMatch(/[A-Za-z0-9]/);
}

describe('composeArtifact', () => {
  const base: ArtifactSpec = { wordCount: 24, acrostic: 'NWHS', required: ['Oslo', 'New York', 'Alvarez', '29', '73+13=86'], forbiddenLetter: 'x', seed: 7 };

  it('meets word count, acrostic, required tokens and the forbidden letter', () => {
    expectValid(composeArtifact(base), base);
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(composeArtifact(base)).toBe(composeArtifact({ ...base }));
    expect(composeArtifact({ ...base, seed: 8 })).not.toBe(composeArtifact(base));
  });

  it('counts the words of multi-word tokens and fits the tightest word count', () => {
    const tight: ArtifactSpec = { ...base, wordCount: 4 + 1 + 2 + 1 + 1 + 1 };
    expectValid(composeArtifact(tight), tight);
  });

  it('seats a required token inside the acrostic when its initial matches, saving words', () => {
    const spec: ArtifactSpec = { wordCount: 4, acrostic: 'OA', required: ['Oslo', '29', '1+2=3'], forbiddenLetter: 'e' };
    const artifact = composeArtifact(spec);
    expectValid(artifact, spec);
    expect(words(artifact)[0]).toBe('Oslo');
  });

  it('avoids every possible forbidden letter for every acrostic initial', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const initial of letters) {
      for (const forbidden of letters.toLowerCase()) {
        if (forbidden === initial.toLowerCase()) continue;
        const spec: ArtifactSpec = { wordCount: 6, acrostic: initial, required: [], forbiddenLetter: forbidden, seed: 1 };
        expectValid(composeArtifact(spec), spec);
      }
    }
  });

  it('fails clearly when a required token contains the forbidden letter', () => {
    const spec = { ...base, forbiddenLetter: 'z' };
    expect(() => composeArtifact(spec)).toThrow(MinerError);
    expect(() => composeArtifact(spec)).toThrow(/Alvarez.*forbidden letter "z"/);
    try {
      composeArtifact(spec);
    } catch (error) {
      expect((error as MinerError).code).toBe('UNSOLVED');
    }
  });

  it('fails clearly when the words do not fit', () => {
    expect(() => composeArtifact({ ...base, wordCount: 8 })).toThrow(/exceed 8 words/);
    expect(() => composeArtifact({ ...base, wordCount: 3 })).toThrow(/acrostic letters need more than 3 words/);
    expect(() => composeArtifact({ ...base, wordCount: 0 })).toThrow(/not a positive integer/);
  });

  it('fails clearly when the acrostic itself holds the forbidden letter', () => {
    expect(() => composeArtifact({ ...base, forbiddenLetter: 'n' })).toThrow(/acrostic letters "NWHS" contain the forbidden letter "n"/);
  });

  it('rejects required text that is not single-spaced words', () => {
    expect(() => composeArtifact({ ...base, required: ['New  York'] })).toThrow(/single-spaced/);
    expect(() => composeArtifact({ ...base, required: ['Oslo -'] })).toThrow(/punctuation-only/);
  });

  it('ships filler words that are lower-case letters only, listed by their initial', () => {
    const file = JSON.parse(readFileSync(new URL('../../src/solver/filler-words.json', import.meta.url), 'utf8')) as { words: Record<string, string[]> };
    expect(Object.keys(file.words).sort().join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    for (const [initial, list] of Object.entries(file.words)) {
      for (const w of list) expect(w).toMatch(new RegExp(`^${initial}[a-z]*$`));
    }
  });
});
