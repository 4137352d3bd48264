/** A public GET whose JSON answer is validated; refusals become errors naming the call. */
import type { z } from 'zod';
import type { CoordinatorBase } from '../context.js';
import { responseError } from '../http/response-error.js';
import type { QueryValue } from '../http/url.js';
import { parseResponse } from '../response.js';
import { routePath, type RouteName } from '../routes.js';

export async function readPublic<S extends z.ZodType>(
  base: CoordinatorBase,
  route: RouteName,
  schema: S,
  action: string,
  query: Readonly<Record<string, QueryValue>> = {},
): Promise<z.output<S>> {
  const response = await base.http.get(routePath(route), { query });
  if (response.status !== 200) throw responseError(response, { action });
  return parseResponse(schema, response, action);
}
