/** Is the coordinator up (`/health`), and what does its skill file say it serves? */
import { ExitCode } from '../errors.js';
import { assertLaneServed } from '../protocol/routes.js';
import { createCoordinatorClient } from '../protocol/client.js';
import { fetchSkill, skillUrlFor } from '../protocol/skill/fetch.js';
import type { SkillInfo } from '../protocol/skill/types.js';
import { fail, failFrom, pass } from './check.js';
import type { DoctorCheck } from './types.js';

const URL_HINT = 'Check the coordinator URL (--coordinator, COORDINATOR_URL or `botcoin-miner config set coordinator <url>`) and your network.';

export async function checkCoordinatorHealth(url: string): Promise<DoctorCheck> {
  const client = createCoordinatorClient({ baseUrl: url, http: { retry: { maxAttempts: 1 } } });
  try {
    const health = await client.getHealth();
    if (health.ok) return pass('coordinator', `coordinator ${url} is up (/health ${health.status})`);
    return fail('coordinator', `coordinator ${url} reports it is unhealthy (/health ${health.status})`, ExitCode.unavailable, 'Wait and retry, or check the operator\'s status page.', JSON.stringify(health.body)?.slice(0, 200));
  } catch (error) {
    return failFrom('coordinator', error, URL_HINT);
  } finally {
    await client.close();
  }
}

/** The skill file's lane and generation; the configured lane must be one it serves. */
export async function checkSkill(url: string, lane: 'wallet' | 'rig'): Promise<{ check: DoctorCheck; skill?: SkillInfo }> {
  let skill: SkillInfo;
  try {
    skill = await fetchSkill(skillUrlFor(url));
  } catch (error) {
    return { check: failFrom('skill', error, URL_HINT) };
  }
  const described = `skill file: lane ${skill.lane}, generation ${skill.generation}${skill.chainId !== undefined ? `, chain ${skill.chainId}` : ''}, ${skill.contracts.length} contracts`;
  try {
    assertLaneServed({ skill, baseUrl: url }, lane, lane === 'rig' ? 'rigChallenge' : 'challenge');
  } catch (error) {
    return { check: failFrom('skill', error, 'Set the lane you mine on: `botcoin-miner config set lane rig|wallet`.'), skill };
  }
  return { check: pass('skill', `${described}; serves the ${lane} lane`), skill };
}
