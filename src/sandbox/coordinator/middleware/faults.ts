/**
 * Fault injection for the miner's resilience tests: 429s, 5xx, dropped connections and slow
 * replies, drawn at random or played from a script. It runs first, before anything else.
 */
import type { MiddlewareHandler } from 'hono';
import { Prng } from '../../../util/prng.js';
import type { FaultAction, FaultConfig } from '../config.js';
import type { CoordinatorEnv } from '../env.js';

export interface FaultPlan {
  /** The action for the next request to `path`; advances a script. */
  next(path: string): { action: FaultAction; slowMs: number };
}

/** A fault plan whose configuration can be swapped at runtime. */
export function createFaultPlan(initial: FaultConfig): FaultPlan & { set(config: FaultConfig): void } {
  let config = initial;
  let script: FaultAction[] = initial.mode === 'script' ? [...initial.actions] : [];
  let random = seeded(initial);
  return {
    set(next: FaultConfig): void {
      config = next;
      script = next.mode === 'script' ? [...next.actions] : [];
      random = seeded(next);
    },
    next(path: string): { action: FaultAction; slowMs: number } {
      if (config.mode === 'off' || !affects(config.paths, path)) return { action: 'ok', slowMs: 0 };
      const slowMs = config.slowMs ?? 2000;
      if (config.mode === 'script') return { action: script.shift() ?? 'ok', slowMs };
      let draw = random();
      for (const [action, rate] of Object.entries(config.rates) as Array<[FaultAction, number]>) {
        if (draw < rate) return { action, slowMs };
        draw -= rate;
      }
      return { action: 'ok', slowMs };
    },
  };
}

export function faultMiddleware(plan: FaultPlan): MiddlewareHandler<CoordinatorEnv> {
  return async (c, next) => {
    const { action, slowMs } = plan.next(c.req.path);
    switch (action) {
      case 'ok':
        return next();
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, slowMs));
        return next();
      case 'drop':
        // Destroying the socket is what a client sees when a proxy or the process dies mid-request.
        c.env?.incoming?.socket.destroy();
        return c.body(null, 500);
      case '429':
        c.header('Retry-After', '1');
        return c.json({ error: 'rate_limited', message: 'Injected fault: rate limited.', retryAfterSeconds: 1 }, 429);
      default:
        return c.json({ error: 'injected_fault', message: `Injected fault: HTTP ${action}.` }, Number(action) as 500 | 502 | 503);
    }
  };
}

function affects(paths: string[] | undefined, path: string): boolean {
  if (paths) return paths.some((prefix) => path.startsWith(prefix));
  return path !== '/health';
}

/** A uniform draw in [0, 1) from a seeded generator, so a fault run can be replayed. */
function seeded(config: FaultConfig): () => number {
  const prng = Prng.fromNumber(config.mode === 'random' ? (config.seed ?? Date.now()) : 1);
  return () => prng.nextU32() / 2 ** 32;
}
