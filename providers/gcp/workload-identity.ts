import { AwsClient, type AwsSecurityCredentials } from 'google-auth-library';

/**
 * A Workload Identity Federation credential configuration for an AWS provider, as
 * `gcloud iam workload-identity-pools create-cred-config ... --aws` writes it. Not secret: it
 * names the pool provider and, optionally, the service account to impersonate.
 */
export interface GcpExternalAccountConfig {
  type: 'external_account';
  /** `//iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER` */
  audience: string;
  subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request';
  /** Google STS; default `https://sts.googleapis.com/v1/token`. */
  token_url?: string | undefined;
  /** `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/EMAIL:generateAccessToken` */
  service_account_impersonation_url?: string | undefined;
  service_account_impersonation?: { token_lifetime_seconds?: number | undefined } | undefined;
  universe_domain?: string | undefined;
}

/** AWS credentials as the AWS SDK's credential providers resolve them. */
export interface AwsCredentialsLike {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface WorkloadIdentityOptions {
  /** The Region whose STS endpoint the signed GetCallerIdentity names (Lambda: `AWS_REGION`). */
  region: string;
  /**
   * The AWS credentials that sign GetCallerIdentity: in Lambda the function role's (an AWS SDK
   * client's `config.credentials`). Called again for every token refresh, so rotated session
   * credentials are picked up.
   */
  credentials: () => Promise<AwsCredentialsLike>;
}

const SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];

/**
 * A google-auth-library client that gets Google access tokens without any key: it signs an AWS
 * STS GetCallerIdentity request with the given AWS credentials, exchanges it at Google STS for
 * a federated token (the pool provider checks the AWS account and its attribute condition), and,
 * when the configuration names a service account, impersonates it through IAM Credentials
 * generateAccessToken. The library caches the resulting token until shortly before it expires.
 *
 * The configuration's `credential_source` is replaced by a programmatic supplier: the library
 * would otherwise read the credentials from the environment itself, which works in Lambda but
 * not with credentials from another source (a local profile, a test).
 */
export function gcpWorkloadIdentityClient(
  config: GcpExternalAccountConfig,
  opts: WorkloadIdentityOptions,
): AwsClient {
  return new AwsClient({
    type: config.type,
    audience: config.audience,
    subject_token_type: config.subject_token_type,
    ...(config.token_url === undefined ? {} : { token_url: config.token_url }),
    ...(config.service_account_impersonation_url === undefined
      ? {}
      : { service_account_impersonation_url: config.service_account_impersonation_url }),
    ...(config.service_account_impersonation?.token_lifetime_seconds === undefined
      ? {}
      : {
          service_account_impersonation: {
            token_lifetime_seconds: config.service_account_impersonation.token_lifetime_seconds,
          },
        }),
    ...(config.universe_domain === undefined ? {} : { universe_domain: config.universe_domain }),
    scopes: SCOPES,
    aws_security_credentials_supplier: {
      getAwsRegion: async () => opts.region,
      getAwsSecurityCredentials: async (): Promise<AwsSecurityCredentials> => {
        const c = await opts.credentials();
        return {
          accessKeyId: c.accessKeyId,
          secretAccessKey: c.secretAccessKey,
          ...(c.sessionToken === undefined ? {} : { token: c.sessionToken }),
        };
      },
    },
  });
}
