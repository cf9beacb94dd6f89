import { verify } from 'node:crypto';
import { header, jsonReply, type Reply } from '../http';
import { pathMatcher, type Route, type RouteContext } from '../route';

/**
 * Entra ID (Microsoft identity platform v2.0) for a confidential client: the tenant's OpenID
 * configuration, which MSAL reads before its first token request, and the token endpoint with
 * the client-credentials grant, authenticated by a client assertion (a federated token, checked
 * against the app's federated identity credentials) or by a client secret.
 */

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function aadError(status: number, error: string, code: number, description: string): Reply {
  return jsonReply(status, {
    error,
    error_description: `AADSTS${code}: ${description}`,
    error_codes: [code],
    timestamp: new Date().toISOString().replace('T', ' ').replace(/\..*$/, 'Z'),
  });
}

/** The base URL the client used (https: the client reaches a plain-http stand-in through https). */
const baseOf = (ctx: RouteContext) => `https://${header(ctx.req, 'host') ?? '127.0.0.1'}`;

function knownTenant(ctx: RouteContext): boolean {
  const tenant = ctx.params['tenant'] ?? '';
  return tenant.toLowerCase() === (ctx.state.estate.azure?.tenantId ?? '').toLowerCase();
}

function openidConfiguration(ctx: RouteContext): Reply {
  if (!knownTenant(ctx)) {
    return aadError(400, 'invalid_tenant', 90002, `Tenant '${ctx.params['tenant']}' not found.`);
  }
  const base = `${baseOf(ctx)}/${ctx.params['tenant']}`;
  return jsonReply(200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: 'EU',
  });
}

interface Claims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
}

/** The assertion's claims when the sandbox's STS signed it and it has not expired. */
function verifiedClaims(ctx: RouteContext, jwt: string): Claims | string {
  const [h, p, s] = jwt.split('.');
  if (h === undefined || p === undefined || s === undefined) return 'the assertion is not a JWT';
  let head: { alg?: string };
  let claims: Claims;
  try {
    head = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Claims;
  } catch {
    return 'the assertion is not a JWT';
  }
  if (head.alg !== 'RS256') return `assertion signing algorithm ${head.alg} is not supported`;
  const key = ctx.state.federation.signingKey();
  if (!verify('sha256', Buffer.from(`${h}.${p}`), key.publicKey, Buffer.from(s, 'base64url'))) {
    return 'the assertion signature could not be verified';
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now())
    return 'the assertion is expired';
  return claims;
}

function token(ctx: RouteContext): Reply {
  if (!knownTenant(ctx)) {
    return aadError(400, 'invalid_tenant', 90002, `Tenant '${ctx.params['tenant']}' not found.`);
  }
  const form = new URLSearchParams(ctx.req.body);
  const clientId = (form.get('client_id') ?? '').toLowerCase();
  if (form.get('grant_type') !== 'client_credentials') {
    return aadError(
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type.',
    );
  }
  if (!(form.get('scope') ?? '').endsWith('/.default')) {
    return aadError(400, 'invalid_scope', 1002012, 'The provided value for scope is not valid.');
  }
  const azure = ctx.state.estate.azure;
  const assertion = form.get('client_assertion');
  const secret = form.get('client_secret');
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== JWT_BEARER) {
      return aadError(400, 'invalid_request', 50027, 'Invalid client_assertion_type.');
    }
    const claims = verifiedClaims(ctx, assertion);
    if (typeof claims === 'string') return aadError(401, 'invalid_client', 700024, claims);
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    const credentials = azure?.federatedCredentials;
    const match =
      credentials === undefined
        ? true
        : credentials.some(
            (c) =>
              c.clientId.toLowerCase() === clientId &&
              c.issuer === claims.iss &&
              c.subject === claims.sub &&
              c.audiences.some((a) => audiences.includes(a)),
          );
    if (!match) {
      return aadError(
        400,
        'invalid_client',
        700213,
        `No matching federated identity record found for presented assertion subject '${claims.sub}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
      );
    }
  } else if (secret !== null) {
    const expected = Object.entries(azure?.clientSecrets ?? {}).find(
      ([id]) => id.toLowerCase() === clientId,
    )?.[1];
    if (expected === undefined || expected !== secret) {
      return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    }
  } else {
    return aadError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain 'client_assertion' or 'client_secret'.",
    );
  }
  const access = ctx.state.federation.issue(`sbx-entra-${ctx.state.sequence}`, `app:${clientId}`);
  return jsonReply(200, {
    token_type: 'Bearer',
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: access,
  });
}

const TENANT = '{tenant}';
const discoveryPath = pathMatcher(`/${TENANT}/v2.0/.well-known/openid-configuration`);
const tokenPath = pathMatcher(`/${TENANT}/oauth2/v2.0/token`);

export const entraRoutes: Route[] = [
  {
    operation: 'entra:OpenIdConfiguration',
    protocol: 'arm',
    match: (req) =>
      req.aws === undefined && req.method === 'GET' ? discoveryPath(req.url.pathname) : undefined,
    target: (_req, params) => params['tenant'] ?? 'tenant',
    handle: openidConfiguration,
  },
  {
    operation: 'entra:Token',
    protocol: 'arm',
    match: (req) =>
      req.aws === undefined && req.method === 'POST' ? tokenPath(req.url.pathname) : undefined,
    target: (_req, params) => params['tenant'] ?? 'tenant',
    handle: token,
  },
];
