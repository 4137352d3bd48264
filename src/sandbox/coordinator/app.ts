/**
 * The coordinator as a Hono app (a value: `app.fetch(request)` answers a Request). Every route
 * shows the middleware that runs before it, always in this order:
 * faults → rate limit → auth → route.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { CoordinatorDeps } from './deps.js';
import type { CoordinatorEnv } from './env.js';
import { HttpError } from './http-error.js';
import { requireToken, requireTokenWhen } from './middleware/auth.js';
import { faultMiddleware } from './middleware/faults.js';
import { rateLimitMiddleware } from './middleware/rate-limit.js';
import { authNonce, authVerify } from './routes/auth.js';
import { claimCalldata, plainMiningCalldata, stakeApproveCalldata, stakeCalldata } from './routes/calldata.js';
import { bonusStatus, credits } from './routes/credits.js';
import { health, skillFile } from './routes/discovery.js';
import { epochInfo, tokenInfo } from './routes/epoch.js';
import { rigAttempt, rigChallenge, rigSubmit } from './routes/rig.js';
import { walletChallenge, walletSubmit } from './routes/wallet.js';

export type CoordinatorApp = Hono<CoordinatorEnv>;

export function createCoordinatorApp(deps: CoordinatorDeps): CoordinatorApp {
  const app = new Hono<CoordinatorEnv>();
  const { auth, rateLimiter } = deps.state;
  const limits = deps.config.rateLimit;
  const challengeLimit = rateLimitMiddleware(rateLimiter, auth, 'challenge', () => limits.challenges);
  const authLimit = rateLimitMiddleware(rateLimiter, auth, 'auth', () => limits.auth);
  const walletToken = requireToken(auth, 'any');
  const rigToken = requireToken(auth, 'rig');
  const none: MiddlewareHandler<CoordinatorEnv> = async (_c, next) => next();

  app.use('*', faultMiddleware(deps.faults));

  app.get('/.well-known/skill.md', none, skillFile(deps, () => servedEndpoints(app)));
  app.get('/health', none, health(deps));

  app.post('/v1/auth/nonce', authLimit, authNonce(deps));
  app.post('/v1/auth/verify', authLimit, authVerify(deps));

  app.get('/v1/challenge', challengeLimit, walletToken, walletChallenge(deps));
  app.post('/v1/submit', none, walletToken, walletSubmit(deps));

  app.get('/v1/rig/challenge', challengeLimit, rigToken, rigChallenge(deps));
  app.post('/v1/rig/submit', none, rigToken, rigSubmit(deps));
  app.get('/v1/rig/attempt/:attemptId', none, rigToken, rigAttempt(deps));

  app.get('/v1/epoch', none, epochInfo(deps));
  app.get('/v1/credits', none, requireTokenWhen(auth, 'rig', (q) => q.rigId !== undefined), credits(deps));
  app.get('/v1/claim-calldata', none, claimCalldata(deps, false));
  app.get('/v1/bonus/status', none, bonusStatus(deps));
  app.get('/v1/bonus/claim-calldata', none, claimCalldata(deps, true));
  app.get('/v1/stake-approve-calldata', none, stakeApproveCalldata(deps));
  app.get('/v1/stake-calldata', none, stakeCalldata(deps));
  app.get('/v1/unstake-calldata', none, plainMiningCalldata(deps, 'unstake'));
  app.get('/v1/withdraw-calldata', none, plainMiningCalldata(deps, 'withdraw'));
  app.get('/v1/token', none, tokenInfo(deps));

  app.notFound((c) => c.json({ error: 'not_found', message: `No endpoint ${c.req.method} ${c.req.path}. See /.well-known/skill.md.` }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(error.body(), error.status);
    }
    deps.onError?.(error);
    return c.json({ error: 'internal_error', message: 'The coordinator failed to handle this request. Retry later.' }, 500);
  });
  return app;
}

/** The routes this app serves (`METHOD /path`, path parameters as `{name}`), for the skill file. */
export function servedEndpoints(app: CoordinatorApp): Array<{ method: string; path: string }> {
  const seen = new Set<string>();
  const endpoints: Array<{ method: string; path: string }> = [];
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path === '/*') continue;
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const key = `${route.method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    endpoints.push({ method: route.method, path });
  }
  return endpoints;
}
