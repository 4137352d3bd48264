/** A remote facilitator (production networks): x402's HTTP facilitator client. */
import { HTTPFacilitatorClient, type FacilitatorClient } from '@x402/core/server';
import { MinerError } from '../../errors.js';

export function createRemoteFacilitator(url: string): FacilitatorClient {
  if (!/^https?:\/\/[^/]/i.test(url)) {
    throw new MinerError('BAD_USAGE', `The facilitator URL "${url}" is not an http(s) URL.`, {
      hint: 'Pass --facilitator in-process (sandbox) or a facilitator URL such as https://x402.org/facilitator.',
    });
  }
  return new HTTPFacilitatorClient({ url });
}
