import { ApiError } from '../api-error';
import { header, jsonReply, type Reply } from '../http';
import { pathMatcher, type Route, type RouteContext } from '../route';

/**
 * A Google REST route (`container`, `cloudresourcemanager`, `compute`, `serviceusage`, ...):
 * matched on method and path; the target is the `{project}` path parameter. Every Google API
 * host maps to the same sandbox, so paths must not overlap across services.
 */
export function gcpRoute(spec: {
  /** API name as in its host (`container` for container.googleapis.com). */
  service: string;
  operation: string;
  method: string;
  path: string;
  clusterParam?: string;
  notFound?: Route['notFound'];
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}): Route {
  const match = pathMatcher(spec.path);
  return {
    operation: `${spec.service}:${spec.operation}`,
    protocol: 'gcp',
    match: (req) =>
      req.aws === undefined && req.method === spec.method ? match(req.url.pathname) : undefined,
    target: (_req, params) => params['project'] ?? 'unknown-project',
    ...(spec.clusterParam ? { clusterParam: spec.clusterParam } : {}),
    ...(spec.notFound ? { notFound: spec.notFound } : {}),
    handle: (ctx) => {
      if (!/^Bearer \S+/.test(header(ctx.req, 'authorization') ?? '')) {
        throw new ApiError(
          401,
          'UNAUTHENTICATED',
          'Request is missing required authentication credential. Expected OAuth 2 access token.',
        );
      }
      ctx.state.federation.sawBearer(header(ctx.req, 'authorization'));
      return spec.handle(ctx);
    },
  };
}

/** A proto3 JSON answer: fields with default values (empty lists) are left out. */
export function protoJsonReply(value: Record<string, unknown>): Reply {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return jsonReply(200, out);
}
