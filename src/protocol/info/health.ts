/**
 * GET /health (spec/protocol.md §2), asked once without retries (see retry-rules.ts): a health
 * check reports the coordinator's state now rather than waiting a minute for it to recover.
 */
import { z } from 'zod';
import type { CoordinatorBase } from '../context.js';
import { routePath } from '../routes.js';

const healthSchema = z.looseObject({ ok: z.boolean().optional(), status: z.string().optional() });

export interface HealthInfo {
  /** HTTP 2xx and the body does not say otherwise. */
  ok: boolean;
  status: number;
  body: unknown;
}

export async function getHealth(base: CoordinatorBase): Promise<HealthInfo> {
  const response = await base.http.get(routePath('health'), { maxAttempts: 1 });
  const parsed = healthSchema.safeParse(response.body);
  const saysDown = parsed.success && (parsed.data.ok === false || /^(down|error|unhealthy)$/i.test(parsed.data.status ?? ''));
  return { ok: response.status >= 200 && response.status < 300 && !saysDown, status: response.status, body: response.body };
}
