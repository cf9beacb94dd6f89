import { createPublicKey, verify } from 'node:crypto';
import { jsonReply, type Reply } from '../http';
import { pathMatcher, type Route, type RouteContext } from '../route';

/**
 * Google's OAuth 2.0 token endpoint (`POST https://oauth2.googleapis.com/token`) for the JWT
 * bearer grant of service-account keys (RFC 7523; Google's "OAuth 2.0 for Server to Server
 * Applications"): the assertion is an RS256 JWT signed with the private half of a key
 * registered for the service account it names (`gcp.serviceAccountKeys`), and the answer is an
 * access token that acts as that service account on the Google API routes.
 */

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The `aud` Google requires: "when making an access token request this value is always ...". */
const AUDIENCE = 'https://oauth2.googleapis.com/token';
/** At most one hour between `iat` and `exp`. */
const MAX_LIFETIME_S = 3600;
/** Clock skew allowed on `iat`. */
const SKEW_S = 300;

function oauthError(status: number, error: string, description: string): Reply {
  return jsonReply(status, { error, error_description: description });
}

interface Claims {
  iss?: unknown;
  sub?: unknown;
  aud?: unknown;
  scope?: unknown;
  iat?: unknown;
  exp?: unknown;
}

function decode<T>(part: string): T | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

function token(ctx: RouteContext): Reply {
  const form = new URLSearchParams(ctx.req.body);
  const grant = form.get('grant_type') ?? '';
  if (grant !== JWT_BEARER) {
    return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grant}`);
  }
  const assertion = form.get('assertion') ?? '';
  ctx.state.federation.presented(assertion);
  const [h, p, s, ...rest] = assertion.split('.');
  const head = h === undefined ? undefined : decode<{ alg?: unknown; kid?: unknown }>(h);
  const claims = p === undefined ? undefined : decode<Claims>(p);
  if (head === undefined || claims === undefined || s === undefined || rest.length > 0) {
    return oauthError(400, 'invalid_grant', 'Invalid JWT: the assertion is not a signed JWT.');
  }
  if (head.alg !== 'RS256') {
    return oauthError(400, 'invalid_grant', 'Invalid JWT: the signing algorithm must be RS256.');
  }
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const keys = (ctx.state.estate.gcp?.serviceAccountKeys ?? []).filter(
    (k) => k.serviceAccount === iss,
  );
  if (keys.length === 0) {
    return oauthError(400, 'invalid_grant', 'Invalid grant: account not found');
  }
  // Without a `kid` (google-auth-library sends none) every key of the account is tried.
  const candidates = head.kid === undefined ? keys : keys.filter((k) => k.keyId === head.kid);
  const signed = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  if (!candidates.some((k) => verify('sha256', signed, createPublicKey(k.publicKey), signature))) {
    return oauthError(400, 'invalid_grant', 'Invalid JWT Signature.');
  }
  if (claims.sub !== undefined && claims.sub !== iss) {
    // Domain-wide delegation (acting as a Workspace user) is not part of the estate.
    return oauthError(
      401,
      'unauthorized_client',
      'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
    );
  }
  if (claims.aud !== AUDIENCE) {
    return oauthError(400, 'invalid_grant', `Invalid JWT: the audience must be ${AUDIENCE}.`);
  }
  const now = Date.now() / 1000;
  const { iat, exp } = claims;
  if (
    typeof iat !== 'number' ||
    typeof exp !== 'number' ||
    exp <= iat ||
    exp - iat > MAX_LIFETIME_S ||
    iat > now + SKEW_S ||
    exp <= now
  ) {
    return oauthError(
      400,
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  }
  if (typeof claims.scope !== 'string' || claims.scope.trim() === '') {
    return oauthError(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
  }
  const access = ctx.state.federation.issue(
    `sbx-goog-sa-key-${ctx.state.sequence}`,
    `serviceAccount:${iss}`,
  );
  return jsonReply(200, {
    access_token: access,
    expires_in: 3599,
    token_type: 'Bearer',
  });
}

const tokenPath = pathMatcher('/token');

export const gcpOAuthRoutes: Route[] = [
  {
    operation: 'oauth2:Token',
    protocol: 'gcp',
    match: (req) =>
      req.aws === undefined && req.method === 'POST' ? tokenPath(req.url.pathname) : undefined,
    target: () => 'global',
    handle: token,
  },
];
