import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../../pipeline/run-config';

const AUDIENCE =
  '//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/mk8s-audit/providers/aws-auditor';
const external = {
  type: 'external_account',
  audience: AUDIENCE,
  subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
  token_url: 'https://sts.googleapis.com/v1/token',
  service_account_impersonation_url:
    'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/a@p.iam.gserviceaccount.com:generateAccessToken',
  credential_source: {
    environment_id: 'aws1',
    region_url: 'http://169.254.169.254/latest/meta-data/placement/availability-zone',
    url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials',
    regional_cred_verification_url:
      'https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15',
  },
};
const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';
const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:mk8s-audit/azure-AbCdEf';

const errorOf = (input: unknown): string => {
  try {
    parseRunConfig(input, 'test config');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('gcp.credentials and azure.credentials', () => {
  it('accepts the file gcloud writes for an AWS provider, an SSM parameter name, a key secret', () => {
    const wif = parseRunConfig({
      gcp: { credentials: { source: 'workload-identity', externalAccount: external } },
    });
    expect(wif.gcp.credentials).toMatchObject({ source: 'workload-identity' });
    expect(
      parseRunConfig({
        gcp: {
          credentials: {
            source: 'workload-identity',
            externalAccountParameter: '/mk8s-audit/gcp-external-account',
          },
        },
      }).gcp.credentials,
    ).toEqual({
      source: 'workload-identity',
      externalAccountParameter: '/mk8s-audit/gcp-external-account',
    });
    expect(
      parseRunConfig({ gcp: { credentials: { source: 'service-account-key', secretArn: SECRET } } })
        .gcp.credentials,
    ).toEqual({ source: 'service-account-key', secretArn: SECRET });
  });

  it('accepts Azure workload identity and the client-secret fallback', () => {
    expect(
      parseRunConfig({
        azure: { credentials: { source: 'workload-identity', tenantId: TENANT, clientId: CLIENT } },
      }).azure.credentials,
    ).toEqual({ source: 'workload-identity', tenantId: TENANT, clientId: CLIENT });
    expect(
      parseRunConfig({
        azure: {
          credentials: {
            source: 'client-secret',
            tenantId: TENANT,
            clientId: CLIENT,
            secretArn: SECRET,
          },
        },
      }).azure.credentials,
    ).toMatchObject({ source: 'client-secret' });
  });

  it.each([
    [
      'an unknown source, naming the accepted ones',
      { gcp: { credentials: { source: 'key-file' } } },
      /gcp\.credentials.*"workload-identity", "service-account-key", "application-default"/s,
    ],
    [
      'both the JSON and a parameter',
      {
        gcp: {
          credentials: {
            source: 'workload-identity',
            externalAccount: external,
            externalAccountParameter: '/x',
          },
        },
      },
      /gcp\.credentials\.externalAccount.*exactly one of externalAccount/s,
    ],
    [
      'neither the JSON nor a parameter',
      { gcp: { credentials: { source: 'workload-identity' } } },
      /exactly one of externalAccount/,
    ],
    [
      'a non-AWS subject token type',
      {
        gcp: {
          credentials: {
            source: 'workload-identity',
            externalAccount: {
              ...external,
              subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
            },
          },
        },
      },
      /subject_token_type.*aws4_request/s,
    ],
    [
      'a workforce or malformed audience',
      {
        gcp: {
          credentials: {
            source: 'workload-identity',
            externalAccount: {
              ...external,
              audience: '//iam.googleapis.com/locations/global/workforcePools/x',
            },
          },
        },
      },
      /audience.*workloadIdentityPools\/POOL_ID\/providers\/PROVIDER_ID/s,
    ],
    [
      'a plain-http token URL on a remote host',
      {
        gcp: {
          credentials: {
            source: 'workload-identity',
            externalAccount: { ...external, token_url: 'http://sts.example.com/v1/token' },
          },
        },
      },
      /token_url.*https:\/\//s,
    ],
    [
      'an unknown key in the external account JSON',
      {
        gcp: {
          credentials: {
            source: 'workload-identity',
            externalAccount: { ...external, tokenUrl: 'x' },
          },
        },
      },
      /tokenUrl/,
    ],
    [
      'a secret given by name instead of ARN',
      { gcp: { credentials: { source: 'service-account-key', secretArn: 'mk8s-audit/gcp-key' } } },
      /secretArn.*Secrets Manager secret ARN/s,
    ],
    [
      'a client secret written inline',
      {
        azure: {
          credentials: {
            source: 'client-secret',
            tenantId: TENANT,
            clientId: CLIENT,
            secret: 'abc',
          },
        },
      },
      /secret/,
    ],
    [
      'a tenant that is not a GUID',
      {
        azure: {
          credentials: { source: 'workload-identity', tenantId: 'contoso.com', clientId: CLIENT },
        },
      },
      /azure\.credentials\.tenantId.*GUID/s,
    ],
  ])('refuses %s', (_what, input, message) => {
    expect(errorOf(input)).toMatch(message);
  });
});
