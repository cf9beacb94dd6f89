/**
 * Credentials and client options for reaching a sandbox, without loading any SDK client: the
 * benchmark's process then holds only the modules production runs (`clients.ts` builds the
 * clients tests use).
 */
import type { TokenCredential } from '@azure/core-auth';
import { OAuth2Client } from 'google-auth-library';
import { sandboxAccessKeyId } from './aws/caller';

export interface AwsSandboxClientOptions {
  region?: string;
  /** Act as this account (credentials the sandbox maps to it); default: the estate's caller. */
  account?: string;
  /** SDK attempts (default 1: tests see faults unretried unless they ask for retries). */
  maxAttempts?: number;
}

/** AWS client configuration for a sandbox: endpoint, region, static credentials. */
export function awsClientConfig(url: string, options: AwsSandboxClientOptions = {}) {
  return {
    endpoint: url,
    region: options.region ?? 'us-east-1',
    credentials: {
      accessKeyId: options.account
        ? sandboxAccessKeyId(options.account, false)
        : 'AKIASANDBOXCALLER00',
      secretAccessKey: 'sandbox-secret',
    },
    maxAttempts: options.maxAttempts ?? 1,
  };
}

/** An OAuth2 client holding a fixed bearer token (the sandbox does not check it). */
export function fakeGoogleAuthClient(): OAuth2Client {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'sandbox-token', expiry_date: Date.now() + 3_600_000 });
  return authClient;
}

/** A credential that always returns the same fake token. */
export const fakeAzureCredential: TokenCredential = {
  getToken: async () => ({ token: 'sandbox-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
