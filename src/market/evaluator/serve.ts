/** Serves an evaluator app on 127.0.0.1 (or a given host) with `@hono/node-server`. */
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  hostname?: string;
}

export interface ServedEvaluator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function serveEvaluator(app: Hono, options: ServeOptions = {}): Promise<ServedEvaluator> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const onError = (error: Error): void => reject(error);
    server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      server?.off('error', onError);
      const host = hostname.includes(':') ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            const http = server as unknown as { closeAllConnections?: () => void };
            http.closeAllConnections?.();
            server?.close(() => done());
          }),
      });
    });
    server.once('error', onError);
  });
}
