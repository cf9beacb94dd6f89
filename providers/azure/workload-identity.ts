import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity';
import { armEndpoint } from './arm-endpoint';

export interface EntraApp {
  tenantId: string;
  clientId: string;
  /** Entra authority (default https://login.microsoftonline.com); http:// for a local stand-in. */
  authorityHost?: string | undefined;
}

/**
 * Options shared by both credentials. A non-default authority is not a Microsoft cloud, so
 * instance discovery (a call to login.microsoftonline.com) is off; a plain-http one (a local
 * stand-in) is given as https and downgraded after the library's checks, like ARM.
 */
function authorityOptions(app: EntraApp) {
  if (app.authorityHost === undefined) return {};
  const { baseUrl, policies } = armEndpoint(app.authorityHost);
  return { authorityHost: baseUrl, disableInstanceDiscovery: true, additionalPolicies: policies };
}

/**
 * Entra workload identity federation: the app's federated identity credential trusts the AWS
 * account's outbound identity issuer and the function role as subject, so the signed AWS token
 * is the client assertion. `assertion` is called whenever a new Entra token is needed.
 */
export function azureWorkloadIdentityCredential(
  app: EntraApp,
  assertion: () => Promise<string>,
): TokenCredential {
  return sharedTokens(
    new ClientAssertionCredential(app.tenantId, app.clientId, assertion, authorityOptions(app)),
  );
}

/** A token is reused until this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * One token request per scope at a time: the collector's SDK client and REST calls ask for a
 * token together at the start, and each request would otherwise cost its own AWS token and
 * Entra exchange. A failed request is not kept, so the next call tries again.
 */
export function sharedTokens(credential: TokenCredential): TokenCredential {
  const tokens = new Map<string, Promise<AccessToken | null>>();
  const refresh = (key: string, scopes: string | string[], options?: GetTokenOptions) => {
    const next = credential.getToken(scopes, options);
    tokens.set(key, next);
    next.catch(() => tokens.delete(key));
    return next;
  };
  return {
    getToken: async (scopes: string | string[], options?: GetTokenOptions) => {
      const key = [scopes].flat().join(' ');
      const cached = tokens.get(key);
      const token = cached ? await cached.catch(() => null) : null;
      if (token && token.expiresOnTimestamp - REFRESH_MARGIN_MS > Date.now()) return token;
      // Another caller may have started a refresh while this one waited.
      const current = tokens.get(key);
      if (current && current !== cached) return current;
      return refresh(key, scopes, options);
    },
  };
}

/** The opt-in fallback: the app's client secret (read from Secrets Manager by the caller). */
export function azureClientSecretCredential(app: EntraApp, secret: string): TokenCredential {
  return sharedTokens(
    new ClientSecretCredential(app.tenantId, app.clientId, secret, authorityOptions(app)),
  );
}
