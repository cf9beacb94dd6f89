import { header, jsonReply, type Reply, type SandboxRequest, xmlReply } from '../http';
import { pathMatcher, type Route, type RouteContext } from '../route';
import type { SandboxState } from '../state';
import { callerAccount } from './caller';
import { loadModel, operationOf, type ServiceModel, toJsonWire, toXmlResponse } from './model';

/** What every AWS route builder takes. */
interface AwsRouteSpec {
  /** Model name in `sandbox/aws/models` (`eks`, `iam`, ...), also the signing name. */
  service: string;
  /** Operation name as in the model (`DescribeCluster`). */
  operation: string;
  /** Global services (IAM, Organizations) have the account alone as target. */
  global?: boolean;
  clusterParam?: string;
  notFound?: Route['notFound'];
  /** The target when it is not the caller's account (AssumeRole: the role's account). */
  target?: Route['target'];
  handle(ctx: RouteContext, model: ServiceModel): Reply | Promise<Reply>;
}

function awsTarget(spec: AwsRouteSpec) {
  return (req: SandboxRequest, _params: Record<string, string>, state: SandboxState): string => {
    const account = callerAccount(state, req.aws);
    return spec.global ? account : `${account}/${req.aws?.region ?? 'us-east-1'}`;
  };
}

function base(spec: AwsRouteSpec, protocol: Route['protocol']) {
  const model = loadModel(spec.service);
  operationOf(model, spec.operation); // fails at start-up for a typo
  return {
    model,
    route: {
      operation: `${spec.service}:${spec.operation}`,
      protocol,
      target: spec.target ?? awsTarget(spec),
      ...(spec.clusterParam ? { clusterParam: spec.clusterParam } : {}),
      ...(spec.notFound ? { notFound: spec.notFound } : {}),
      handle: (ctx: RouteContext) => spec.handle(ctx, model),
    },
  };
}

/** A rest-json operation (EKS, Security Hub): method and path come from the model. */
export function awsRestJsonRoute(spec: AwsRouteSpec): Route {
  const { model, route } = base(spec, 'aws-rest-json');
  const http = operationOf(model, spec.operation).http;
  if (!http) throw new Error(`${spec.operation} has no http binding`);
  const match = pathMatcher(http.requestUri.split('?')[0] as string);
  return {
    ...route,
    match: (req) =>
      req.aws?.service === spec.service && req.method === http.method
        ? match(req.url.pathname)
        : undefined,
  };
}

/** A JSON 1.1 operation (Organizations): `X-Amz-Target: <prefix>.<Operation>`. */
export function awsJsonRoute(spec: AwsRouteSpec): Route {
  const { model, route } = base(spec, 'aws-json');
  const wanted = `${model.metadata.targetPrefix}.${spec.operation}`;
  return {
    ...route,
    match: (req) =>
      req.aws?.service === spec.service && header(req, 'x-amz-target') === wanted ? {} : undefined,
  };
}

/** The form parameters of a query-protocol request (POST body or GET query). */
export function formOf(req: SandboxRequest): URLSearchParams {
  return req.method === 'POST' ? new URLSearchParams(req.body) : req.url.searchParams;
}

/** A query-protocol operation (IAM, STS) or an ec2-protocol one: `Action=<Operation>`. */
export function awsQueryRoute(spec: AwsRouteSpec): Route {
  const model = loadModel(spec.service);
  const { route } = base(spec, model.metadata.protocol === 'ec2' ? 'aws-ec2' : 'aws-query');
  return {
    ...route,
    match: (req) =>
      req.aws?.service === spec.service && formOf(req).get('Action') === spec.operation
        ? {}
        : undefined,
  };
}

/** A JSON-protocol success: the output (CLI JSON form) with timestamps as epoch seconds. */
export function jsonOutput(
  model: ServiceModel,
  operation: string,
  output: Record<string, unknown>,
  requestId: string,
): Reply {
  const op = operationOf(model, operation);
  const body = op.output ? toJsonWire(model, op.output.shape, output) : {};
  const reply = jsonReply(200, body, { 'x-amzn-requestid': requestId });
  if (model.metadata.protocol === 'json') {
    reply.headers['content-type'] = `application/x-amz-json-${model.metadata.jsonVersion ?? '1.1'}`;
  }
  return reply;
}

/** A query- or ec2-protocol success as XML. */
export function xmlOutput(
  model: ServiceModel,
  operation: string,
  output: Record<string, unknown>,
  requestId: string,
): Reply {
  return xmlReply(200, toXmlResponse(model, operation, output, requestId), {
    'x-amzn-requestid': requestId,
  });
}

/** The JSON body of a rest-json or JSON 1.1 request (`{}` when empty). */
export function jsonBody(req: SandboxRequest): Record<string, unknown> {
  if (req.body.trim() === '') return {};
  const parsed: unknown = JSON.parse(req.body);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/**
 * One page of a list: `token` is the opaque token of a previous page (`undefined` for the
 * first). Returns `undefined` items for a token the sandbox did not issue.
 */
export function page<T>(
  items: readonly T[],
  token: string | null | undefined,
  size: number,
): { items: T[]; next: string | undefined } | undefined {
  let from = 0;
  if (token) {
    const m = /^sbx-page-(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!m) return undefined;
    from = Number.parseInt(m[1] as string, 10);
  }
  const slice = items.slice(from, from + size);
  const end = from + slice.length;
  const next =
    end < items.length ? Buffer.from(`sbx-page-${end}`).toString('base64url') : undefined;
  return { items: slice, next };
}
