/**
 * A real HTTP server on 127.0.0.1 (free port) that answers from a script: status, headers,
 * JSON or raw bodies, delays, dropped connections and truncated bodies. It records every
 * request so tests can check what a client actually sent on the wire.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /** Wait this long before answering (for timeouts). */
  delayMs?: number;
  /** Destroy the socket without answering (a dropped connection). */
  destroy?: boolean;
  /** Send the headers and half the body, then destroy the socket. */
  truncate?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined. */
  json: unknown;
}

export type Responder = (request: RecordedRequest) => ScriptedReply;

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  /** Queues replies, used in order; after the queue runs out the fallback answers. */
  reply(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

export async function startScriptedServer(fallback: Responder = () => ({ status: 200, body: {} })): Promise<ScriptedServer> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        text,
        json: parseJson(text),
      };
      requests.push(recorded);
      const reply = queue.shift() ?? fallback(recorded);
      const send = (): void => {
        if (reply.destroy) {
          req.socket.destroy();
          return;
        }
        const isText = typeof reply.body === 'string';
        const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
        const headers = {
          'content-type': isText ? 'text/plain' : 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
          ...reply.headers,
        };
        res.writeHead(reply.status ?? 200, headers);
        if (reply.truncate) {
          res.write(payload.slice(0, Math.floor(payload.length / 2)));
          setImmediate(() => req.socket.destroy());
          return;
        }
        res.end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
