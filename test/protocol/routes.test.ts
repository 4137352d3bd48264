import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMinerError } from '../../src/errors.js';
import { assertLaneServed, routePath, skillListing } from '../../src/protocol/routes.js';
import { parseSkillFile } from '../../src/protocol/skill/parse.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/skill/${name}`, import.meta.url), 'utf8');
const baseUrl = 'https://coordinator.agentmoney.net';

describe('routes and the skill file', () => {
  const rigSkill = parseSkillFile(fixture('production-skill.md'), `${baseUrl}/.well-known/skill.md`);
  const walletSkill = parseSkillFile(fixture('v3-wallet-skill.md'), `${baseUrl}/.well-known/skill.md`);

  it('fills path placeholders as single URL-encoded segments', () => {
    expect(routePath('rigAttempt', { attemptId: 'a/../b' })).toBe('/v1/rig/attempt/a%2F..%2Fb');
  });

  it('knows which routes the production (rig-era) skill file lists, whatever the placeholder is called', () => {
    expect(skillListing({ skill: rigSkill }, 'rigAttempt')).toBe('listed');
    expect(skillListing({ skill: rigSkill }, 'rigChallenge')).toBe('listed');
    expect(skillListing({ skill: rigSkill }, 'challenge')).toBe('unlisted');
    expect(skillListing({ skill: undefined }, 'challenge')).toBe('unknown');
  });

  it('refuses the wallet lane on a rig-only coordinator, pointing at the rig lane', () => {
    expect(() => assertLaneServed({ skill: rigSkill, baseUrl }, 'rig', 'rigSubmit')).not.toThrow();
    let error: unknown;
    try {
      assertLaneServed({ skill: rigSkill, baseUrl }, 'wallet', 'challenge');
    } catch (caught) {
      error = caught;
    }
    expect(isMinerError(error) && error.code).toBe('COORDINATOR_REFUSED');
    expect(isMinerError(error) && error.hint).toMatch(/--rig/);
  });

  it('allows every lane when no skill file is known', () => {
    expect(() => assertLaneServed({ skill: undefined, baseUrl }, 'wallet', 'submit')).not.toThrow();
  });

  it('lets a wallet-lane skill file serve the wallet lane', () => {
    expect(skillListing({ skill: walletSkill }, 'challenge')).toBe('listed');
    expect(() => assertLaneServed({ skill: walletSkill, baseUrl }, 'wallet', 'submit')).not.toThrow();
  });
});
