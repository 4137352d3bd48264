/** The Hono environment of the coordinator app: node bindings (when served) and per-request values. */
import type { HttpBindings } from '@hono/node-server';
import type { TokenGrant } from './auth-store.js';

export interface CoordinatorEnv {
  /** Absent when the app is called through `app.fetch` without a node server. */
  Bindings: Partial<HttpBindings>;
  Variables: { grant: TokenGrant };
}
