// A real HTTP server on 127.0.0.1 (free port) whose answers a test scripts per request:
// for the coordinator behaviours the sandbox does not produce (hostile sign-in messages,
// auth disabled, dropped submits). Records every request.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type ScriptedAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | 'drop';

export interface ScriptedServer {
  url: string;
  host: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(answer: (request: RecordedRequest) => ScriptedAnswer | Promise<ScriptedAnswer>): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: text === '' ? undefined : JSON.parse(text),
      };
      requests.push(request);
      void Promise.resolve(answer(request)).then((reply) => {
        if (reply === 'drop') {
          req.socket.destroy();
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A well-formed sign-in message for `address` on `host`. */
export function signInMessage(host: string, address: string, overrides: { action?: string; extra?: string } = {}): string {
  const issued = new Date();
  const lines = [
    'Botcoin Auth',
    `Domain: ${host}`,
    `Address: ${address.toLowerCase()}`,
    'Nonce: 0123456789abcdef0123456789abcdef',
    `Issued At: ${issued.toISOString()}`,
    `Expires At: ${new Date(issued.getTime() + 300_000).toISOString()}`,
    'Chain ID: 8453',
    `Action: ${overrides.action ?? 'challenge_access'}`,
  ];
  if (overrides.extra !== undefined) lines.push(overrides.extra);
  return lines.join('\n');
}
