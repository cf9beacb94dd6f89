import * as z from 'zod';

/**
 * How a run authenticates to Google Cloud and Azure (`gcp.credentials`, `azure.credentials` of
 * the run configuration). Keyless federation is the default to write; the secret-based sources
 * are opt-in fallbacks that name a Secrets Manager secret, never the secret itself.
 */

/** https, or http only to a loopback address (a local stand-in of the service). */
const ServiceUrl = z.url().refine(
  (u) => {
    const url = new URL(u);
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    );
  },
  { message: 'must be an https:// URL (http:// only for 127.0.0.1 or localhost)' },
);

/** The complete ARN (with the 6-character suffix), so the function's policy can name exactly it. */
const SecretsManagerArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+-[A-Za-z0-9]{6}$/,
    'must be the complete Secrets Manager secret ARN, with its 6-character suffix (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf)',
  );
/** The customer managed key that encrypts the secret; absent: the aws/secretsmanager key. */
const KmsKeyArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/,
    'must be a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID)',
  );
const SsmParameterName = z
  .string()
  .regex(
    /^\/[\w.-]+(\/[\w.-]+)*$/,
    'must be an SSM parameter name starting with "/", e.g. "/mk8s-audit/gcp-external-account"',
  );
const Guid = z.guid('must be a GUID such as "00000000-0000-0000-0000-000000000000"');

/** The `external_account` JSON of `gcloud iam workload-identity-pools create-cred-config --aws`. */
export const GcpExternalAccount = z.strictObject({
  type: z.literal('external_account'),
  audience: z
    .string()
    .regex(
      /^\/\/iam\.googleapis\.com\/projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/,
      'must be the pool provider: //iam.googleapis.com/projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL_ID/providers/PROVIDER_ID',
    ),
  subject_token_type: z.literal('urn:ietf:params:aws:token-type:aws4_request', {
    message:
      'must be "urn:ietf:params:aws:token-type:aws4_request" (an AWS provider; other providers are not supported)',
  }),
  token_url: ServiceUrl.optional(),
  service_account_impersonation_url: ServiceUrl.refine(
    (u) => /\/serviceAccounts\/[^/:]+@[^/:]+:generateAccessToken$/.test(u) && u.length <= 256,
    { message: 'must end in /serviceAccounts/EMAIL:generateAccessToken (at most 256 characters)' },
  ).optional(),
  service_account_impersonation: z
    .strictObject({ token_lifetime_seconds: z.number().int().min(600).max(43_200).optional() })
    .optional(),
  universe_domain: z.string().min(1).optional(),
  /** Written by gcloud; the function reads its Region and credentials from its own environment. */
  credential_source: z
    .strictObject({
      environment_id: z.literal('aws1', { message: 'must be "aws1"' }),
      region_url: z.string().optional(),
      url: z.string().optional(),
      regional_cred_verification_url: z.string().optional(),
      imdsv2_session_token_url: z.string().optional(),
    })
    .optional(),
});
export type GcpExternalAccount = z.infer<typeof GcpExternalAccount>;

/**
 * A service-account key file (`gcloud iam service-accounts keys create`), checked before use so
 * a wrong secret fails naming the field. Messages never echo a value: the file holds the key.
 * Other fields (`client_id`, `auth_uri`, cert URLs...) are kept as they are.
 */
export const GcpServiceAccountKey = z.looseObject({
  type: z.literal('service_account', { message: 'must be "service_account"' }),
  client_email: z.email({ message: 'must be the service account email' }),
  private_key: z
    .string({ message: 'must be the PEM private key' })
    .regex(/^-----BEGIN (RSA )?PRIVATE KEY-----/, { message: 'must be the PEM private key' }),
  /**
   * Where the signed assertion is exchanged for an access token: Google's
   * `https://oauth2.googleapis.com/token` in every key Google issues, another endpoint with
   * Private Service Connect.
   */
  token_uri: ServiceUrl.optional(),
});
export type GcpServiceAccountKey = z.infer<typeof GcpServiceAccountKey>;

export const GcpCredentials = z
  .discriminatedUnion(
    'source',
    [
      z.strictObject({
        /** Workload Identity Federation with an AWS provider: no key anywhere. */
        source: z.literal('workload-identity'),
        /** The credential configuration itself (not secret) ... */
        externalAccount: GcpExternalAccount.optional(),
        /** ... or the SSM parameter (String) that holds it as JSON. */
        externalAccountParameter: SsmParameterName.optional(),
      }),
      z.strictObject({
        /** Opt-in fallback: a service-account key (JSON) in Secrets Manager. */
        source: z.literal('service-account-key'),
        secretArn: SecretsManagerArn,
        kmsKeyArn: KmsKeyArn.optional(),
      }),
      z.strictObject({
        /** Application Default Credentials (gcloud ADC): local runs only. */
        source: z.literal('application-default'),
      }),
    ],
    {
      error: () =>
        'source must be one of "workload-identity", "service-account-key", "application-default"',
    },
  )
  .superRefine((c, ctx) => {
    if (c.source !== 'workload-identity') return;
    if ((c.externalAccount === undefined) === (c.externalAccountParameter === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['externalAccount'],
        message:
          'set exactly one of externalAccount (the JSON) and externalAccountParameter (an SSM parameter name)',
      });
    }
  });
export type GcpCredentials = z.infer<typeof GcpCredentials>;

/** Entra ID application (or user-assigned managed identity) and its tenant. */
const AzureApp = {
  tenantId: Guid,
  clientId: Guid,
  /** Entra authority; default https://login.microsoftonline.com. */
  authorityHost: ServiceUrl.optional(),
};

export const AzureCredentials = z.discriminatedUnion(
  'source',
  [
    z.strictObject({
      /**
       * Entra workload identity federation trusting the AWS account's outbound web identity
       * token (sts:GetWebIdentityToken): no secret anywhere.
       */
      source: z.literal('workload-identity'),
      ...AzureApp,
    }),
    z.strictObject({
      /** Opt-in fallback: the application's client secret in Secrets Manager. */
      source: z.literal('client-secret'),
      ...AzureApp,
      secretArn: SecretsManagerArn,
      kmsKeyArn: KmsKeyArn.optional(),
    }),
    z.strictObject({
      /** DefaultAzureCredential (environment, az CLI, managed identity): local runs only. */
      source: z.literal('default'),
    }),
  ],
  { error: () => 'source must be one of "workload-identity", "client-secret", "default"' },
);
export type AzureCredentials = z.infer<typeof AzureCredentials>;
