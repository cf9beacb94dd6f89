import { ApiError } from '../api-error';
import { page } from '../aws/protocol';
import type { AzureSubscriptionEstate } from '../estate';
import { header, jsonReply, type Reply } from '../http';
import { pathMatcher, type Route, type RouteContext } from '../route';

/**
 * An Azure Resource Manager route: matched on method and path (case-insensitive, as ARM is),
 * with `api-version` required; the target is the `{subscription}` path parameter.
 */
export function armRoute(spec: {
  /** Resource provider in short (`containerservice`, `resources`, `insights`, ...). */
  service: string;
  operation: string;
  method: string;
  path: string;
  clusterParam?: string;
  notFound?: Route['notFound'];
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}): Route {
  const match = pathMatcher(spec.path, true);
  return {
    operation: `${spec.service}:${spec.operation}`,
    protocol: 'arm',
    match: (req) =>
      req.aws === undefined &&
      req.method === spec.method &&
      req.url.pathname.toLowerCase().startsWith('/subscriptions')
        ? match(req.url.pathname)
        : undefined,
    target: (_req, params, state) =>
      params['subscription'] ?? state.estate.azure?.tenantId ?? 'tenant',
    ...(spec.clusterParam ? { clusterParam: spec.clusterParam } : {}),
    ...(spec.notFound ? { notFound: spec.notFound } : {}),
    handle: (ctx) => {
      if (!/^Bearer \S+/.test(header(ctx.req, 'authorization') ?? '')) {
        throw new ApiError(
          401,
          'AuthenticationFailed',
          "Authentication failed. The 'Authorization' header is missing.",
        );
      }
      ctx.state.federation.sawBearer(header(ctx.req, 'authorization'));
      if (!ctx.req.url.searchParams.get('api-version')) {
        throw new ApiError(
          400,
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        );
      }
      return spec.handle(ctx);
    },
  };
}

/** The subscription of the `{subscription}` parameter, or ARM's SubscriptionNotFound. */
export function subscriptionOf(ctx: RouteContext): AzureSubscriptionEstate {
  const id = ctx.params['subscription'] as string;
  const subs = ctx.state.estate.azure?.subscriptions ?? {};
  const key = Object.keys(subs).find((k) => k.toLowerCase() === id.toLowerCase());
  const sub = key === undefined ? undefined : subs[key];
  if (!sub)
    throw new ApiError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
  return sub;
}

/**
 * One page of an ARM list, `{ value, nextLink }`. The `nextLink` is https:// (with `$skipToken`),
 * as ARM sends it: the SDK's bearer-token policy refuses to follow an http:// link.
 */
export function armPage(ctx: RouteContext, items: readonly unknown[]): Reply {
  const size = ctx.state.estate.azure?.pageSize ?? 100;
  const p = page(items, ctx.req.url.searchParams.get('$skipToken'), size);
  if (!p) throw new ApiError(400, 'InvalidSkipToken', 'The $skipToken is not valid.');
  const body: Record<string, unknown> = { value: p.items };
  if (p.next !== undefined) {
    // ARM's nextLink keeps the request's query ($filter included), with the next skip token.
    const next = new URL(ctx.req.url.pathname, `https://${ctx.req.url.host}`);
    for (const [k, v] of ctx.req.url.searchParams)
      if (k !== '$skipToken') next.searchParams.set(k, v);
    next.searchParams.set('api-version', ctx.req.url.searchParams.get('api-version') ?? '');
    next.searchParams.set('$skipToken', p.next);
    body['nextLink'] = next.toString();
  }
  return jsonReply(200, body);
}
