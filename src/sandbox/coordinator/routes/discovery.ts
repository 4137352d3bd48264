/** GET /.well-known/skill.md and GET /health. */
import type { Handler } from 'hono';
import type { CoordinatorDeps } from '../deps.js';
import type { CoordinatorEnv } from '../env.js';
import { renderSkill } from '../skill.js';

export function skillFile(deps: CoordinatorDeps, endpoints: () => Array<{ method: string; path: string }>): Handler<CoordinatorEnv> {
  return (c) => {
    const markdown = renderSkill({
      coordinatorUrl: new URL(c.req.url).origin,
      rpcUrl: deps.config.rpcUrl,
      chainId: deps.chainId,
      contracts: deps.reader.contracts,
      endpoints: endpoints(),
      tokenTtlSeconds: deps.config.tokenTtlSeconds,
      epochSeconds: Number(deps.clock.epochDurationSeconds),
      maxAttempts: deps.config.session.maxAttempts,
      sessionSeconds: deps.config.session.ttlSeconds,
    });
    return c.body(markdown, 200, { 'content-type': 'text/markdown; charset=utf-8' });
  };
}

export function health(deps: CoordinatorDeps): Handler<CoordinatorEnv> {
  return async (c) => {
    const epochId = await deps.reader.currentEpoch().catch(() => undefined);
    return c.json({ ok: epochId !== undefined, chainId: deps.chainId, epochId: epochId?.toString() ?? null }, epochId === undefined ? 503 : 200);
  };
}
