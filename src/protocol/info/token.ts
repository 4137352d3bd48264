/** GET /v1/token (spec/protocol.md §4): token metadata. The shape is not public; known fields are checked. */
import { z } from 'zod';
import type { CoordinatorBase } from '../context.js';
import { addressString, decimalString } from '../schemas.js';
import { readPublic } from './read.js';

const tokenSchema = z.looseObject({
  address: addressString.optional(),
  name: z.string().optional(),
  symbol: z.string().optional(),
  decimals: z.number().int().min(0).max(255).optional(),
  totalSupply: decimalString.optional(),
  chainId: z.number().int().positive().optional(),
});

export type TokenInfo = z.output<typeof tokenSchema>;

export function getToken(base: CoordinatorBase): Promise<TokenInfo> {
  return readPublic(base, 'token', tokenSchema, 'Reading the token metadata');
}
