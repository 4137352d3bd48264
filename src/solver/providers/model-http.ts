import {
  createHttpClient,
  isRetryableStatus,
  secretHeaderValues,
  type HttpClient,
  type HttpResponse,
  type ServiceLabel,
} from '../../protocol/http/index.js';
import { isBillingError, modelResponseError } from './model-errors.js';
import type { ProviderConfig } from './types.js';

const DEFAULT_MODEL_TIMEOUT_MS = 180_000;

const modelService: ServiceLabel = {
  name: 'model provider',
  unavailableCode: 'MODEL_UNAVAILABLE',
  unavailableHint: 'Check BOTCOIN_MODEL_BASE_URL and that the model server is running; if it is a hosted API, try again later.',
  rateLimitedHint: "Wait a few minutes, or lower the request rate / raise the rate limit in the provider's account.",
  timeoutHint: 'Raise the model timeout (or lower max tokens / the reasoning budget), or use a faster model.',
};

/** The transport both providers share: auth headers, timeouts and retries, error mapping. */
export interface ModelTransport {
  /** POSTs JSON and returns a 2xx response, or the final error response when `accept` allows it. */
  post(path: string, body: unknown, signal: AbortSignal | undefined, accept?: (response: HttpResponse) => boolean): Promise<HttpResponse>;
  /** Credential values to scrub from any text an error carries. */
  readonly secrets: readonly string[];
  close(): Promise<void>;
}

/**
 * Retries 429/5xx and dropped connections with the protocol's backoff (honouring Retry-After),
 * but never billing/quota refusals and never timeouts (the provider may bill work we stopped
 * waiting for). Final error statuses become MinerErrors without the key in them.
 */
export function createModelTransport(config: ProviderConfig, baseUrl: string, authHeaders: Record<string, string>): ModelTransport {
  const client: HttpClient = createHttpClient({
    baseUrl,
    timeoutMs: config.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS,
    headers: authHeaders,
    service: modelService,
    retryTimeouts: false,
    shouldRetry: (response) => isRetryableStatus(response.status) && !isBillingError(response),
    ...(config.retry ? { retry: config.retry } : {}),
    ...(config.onRetry ? { onRetry: config.onRetry } : {}),
    ...(config.sleep ? { sleep: config.sleep } : {}),
  });
  const secrets = [...secretHeaderValues(authHeaders), ...(config.apiKey ? [config.apiKey] : [])];

  return {
    secrets,
    async post(path, body, signal, accept) {
      const response = await client.post(path, { body, ...(signal ? { signal } : {}) });
      if (response.status >= 200 && response.status < 300) return response;
      if (accept?.(response)) return response;
      throw modelResponseError(response, secrets);
    },
    close: () => client.close(),
  };
}
