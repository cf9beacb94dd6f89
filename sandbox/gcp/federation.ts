import { ApiError } from '../api-error';
import { callerArn } from '../aws/caller';
import { header, jsonReply, parseAwsCaller, type Reply } from '../http';
import { pathMatcher, type Route, type RouteContext } from '../route';

/**
 * Google STS token exchange (`POST /v1/token`, RFC 8693) for AWS Workload Identity Federation
 * providers, and IAM Credentials `generateAccessToken` (service-account impersonation). The
 * subject token is the serialized, SigV4-signed STS GetCallerIdentity request that
 * google-auth-library's AwsClient builds; the caller is read from its credential scope, as the
 * real service learns it by replaying the request to AWS STS.
 */

const AWS4_REQUEST = 'urn:ietf:params:aws:token-type:aws4_request';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const PROVIDER_AUDIENCE =
  /^\/\/iam\.googleapis\.com\/projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;
const REGIONAL_STS =
  /^https:\/\/sts\.([a-z0-9-]+)\.amazonaws\.com\/?\?Action=GetCallerIdentity&Version=2011-06-15$/;
/** A signed request older than this is refused, as AWS STS refuses it. */
const MAX_AGE_MS = 15 * 60_000;

function oauthError(status: number, error: string, description: string): Reply {
  return jsonReply(status, { error, error_description: description });
}

interface SignedRequest {
  url: string;
  method: string;
  headers: { key: string; value: string }[];
}

/** `x-amz-date` `20261128T030000Z` → epoch ms. */
function amzDate(value: string | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

/**
 * Google's default attribute mapping of an AWS provider: `attribute.aws_role` is the
 * assumed-role ARN without the session name, else the ARN itself.
 */
export function awsRoleAttribute(arn: string): string {
  const m = /^(arn:aws[a-z-]*:sts::\d{12}:assumed-role\/[^/]+)\/[^/]+$/.exec(arn);
  return m ? (m[1] as string) : arn;
}

function exchange(ctx: RouteContext): Reply {
  const form = new URLSearchParams(ctx.req.body);
  if (form.get('grant_type') !== TOKEN_EXCHANGE)
    return oauthError(400, 'unsupported_grant_type', 'Invalid grant_type.');
  if (form.get('subject_token_type') !== AWS4_REQUEST)
    return oauthError(400, 'invalid_request', 'Invalid subject_token_type.');
  const audience = form.get('audience') ?? '';
  const wif = ctx.state.estate.gcp?.workloadIdentity;
  if (!PROVIDER_AUDIENCE.test(audience) || (wif?.audience && wif.audience !== audience)) {
    return oauthError(
      400,
      'invalid_target',
      'The target service indicated by the "audience" parameters is invalid.',
    );
  }
  let signed: SignedRequest;
  try {
    signed = JSON.parse(decodeURIComponent(form.get('subject_token') ?? '')) as SignedRequest;
  } catch {
    return oauthError(400, 'invalid_grant', 'The subject token is not a serialized AWS request.');
  }
  const h = new Map((signed.headers ?? []).map((x) => [x.key.toLowerCase(), x.value]));
  const region = REGIONAL_STS.exec(signed.url ?? '')?.[1];
  const caller = parseAwsCaller({
    authorization: h.get('authorization'),
    'x-amz-security-token': h.get('x-amz-security-token'),
  });
  const problem =
    signed.method !== 'POST' || region === undefined
      ? 'is not a POST to a regional STS GetCallerIdentity endpoint'
      : caller === undefined || caller.service !== 'sts' || caller.region !== region
        ? 'is not signed with SigV4 for STS in its region'
        : // google-auth-library adds this header after signing, so only its value is checked.
          h.get('x-goog-cloud-target-resource') !== audience
          ? 'does not name the audience in x-goog-cloud-target-resource'
          : !(Math.abs(Date.now() - amzDate(h.get('x-amz-date'))) < MAX_AGE_MS)
            ? 'is signed with a date more than 15 minutes away'
            : undefined;
  if (problem !== undefined || caller === undefined)
    return oauthError(400, 'invalid_grant', `The AWS request ${problem ?? 'is invalid'}.`);
  const arn = callerArn(ctx.state, caller);
  const role = awsRoleAttribute(arn);
  if (wif?.allowedAwsRoles && !wif.allowedAwsRoles.includes(role)) {
    return oauthError(
      403,
      'unauthorized_client',
      'The given credential is rejected by the attribute condition.',
    );
  }
  const pool = audience.replace(/^\/\/iam\.googleapis\.com\//, '').replace(/\/providers\/.*$/, '');
  const token = ctx.state.federation.issue(
    `sbx-goog-federated-${ctx.state.sequence}`,
    `principal://iam.googleapis.com/${pool}/subject/${arn}`,
  );
  return jsonReply(200, {
    access_token: token,
    issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    token_type: 'Bearer',
    expires_in: 3600,
  });
}

function generateAccessToken(ctx: RouteContext): Reply {
  const bearer = /^Bearer (\S+)$/.exec(header(ctx.req, 'authorization') ?? '')?.[1];
  const principal = bearer === undefined ? undefined : ctx.state.federation.principalOf(bearer);
  if (principal === undefined) {
    throw new ApiError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
  }
  const email = ctx.params['email'] ?? '';
  const allowed = ctx.state.estate.gcp?.workloadIdentity?.serviceAccounts;
  if (allowed && !allowed.includes(email)) {
    throw new ApiError(
      403,
      'PERMISSION_DENIED',
      `Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).`,
    );
  }
  let lifetime = 3600;
  try {
    const body = JSON.parse(ctx.req.body || '{}') as { lifetime?: string; scope?: string[] };
    if (!Array.isArray(body.scope) || body.scope.length === 0) {
      throw new ApiError(400, 'INVALID_ARGUMENT', 'Scope required.');
    }
    lifetime = Number.parseInt(body.lifetime ?? '3600s', 10) || 3600;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
  }
  const token = ctx.state.federation.issue(
    `sbx-goog-sa-${ctx.state.sequence}`,
    `serviceAccount:${email}`,
  );
  return jsonReply(200, {
    accessToken: token,
    expireTime: new Date(Date.now() + lifetime * 1000).toISOString(),
  });
}

const tokenPath = pathMatcher('/v1/token');
const impersonatePath = pathMatcher('/v1/projects/-/serviceAccounts/{email}:generateAccessToken');

export const gcpFederationRoutes: Route[] = [
  {
    operation: 'sts:ExchangeToken',
    protocol: 'gcp',
    match: (req) =>
      req.aws === undefined && req.method === 'POST' ? tokenPath(req.url.pathname) : undefined,
    target: () => 'global',
    handle: exchange,
  },
  {
    operation: 'iamcredentials:GenerateAccessToken',
    protocol: 'gcp',
    match: (req) =>
      req.aws === undefined && req.method === 'POST'
        ? impersonatePath(req.url.pathname)
        : undefined,
    target: () => 'global',
    handle: generateAccessToken,
  },
];
