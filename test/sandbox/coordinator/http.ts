// Small HTTP helpers for the coordinator tests: real fetches to the loopback server.
import type { Hex } from 'viem';
import type { LocalClients } from '../../../src/sandbox/chain/clients.js';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = Record<string, unknown>>(
  url: string,
  options: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      'user-agent': 'botcoin-miner-tests',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body: body as T, text };
}

/** The production sign-in: nonce → personal_sign → verify. Returns the token response. */
export async function signIn(baseUrl: string, wallet: LocalClients, lane?: 'rig'): Promise<{ token: string } & Record<string, unknown>> {
  const address = wallet.walletClient.account.address;
  const nonce = await call<{ message: string }>(`${baseUrl}/v1/auth/nonce`, { body: { miner: address } });
  if (nonce.status !== 200) throw new Error(`nonce: ${nonce.status} ${nonce.text}`);
  const signature: Hex = await wallet.walletClient.signMessage({ message: nonce.body.message });
  const verified = await call<{ token: string }>(`${baseUrl}/v1/auth/verify`, {
    body: { miner: address, message: nonce.body.message, signature, ...(lane ? { lane } : {}) },
  });
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${verified.text}`);
  return verified.body;
}

/** Polls a rig attempt until it leaves queued/processing. */
export async function pollAttempt(baseUrl: string, statusUrl: string, token: string): Promise<JsonResponse> {
  for (let i = 0; i < 200; i++) {
    const result = await call(`${baseUrl}${statusUrl}`, { token });
    const status = result.body.status;
    if (status !== 'queued' && status !== 'processing') return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('attempt never finished');
}
