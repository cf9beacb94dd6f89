import type { TokenCredential } from '@azure/core-auth';
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
  return new ClientAssertionCredential(
    app.tenantId,
    app.clientId,
    assertion,
    authorityOptions(app),
  );
}

/** The opt-in fallback: the app's client secret (read from Secrets Manager by the caller). */
export function azureClientSecretCredential(app: EntraApp, secret: string): TokenCredential {
  return new ClientSecretCredential(app.tenantId, app.clientId, secret, authorityOptions(app));
}
