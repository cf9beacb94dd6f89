import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Target } from '../../../core/target';
import { pipelineLogger } from '../../../functions/shared/observability';
import type { ObjectStore, TargetResult } from '../../../pipeline/types';
import type { EstateInput } from '../../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { RUN } from '../../helpers/pipeline-fakes';
import { aksEstate, SUB } from '../azure/aks-estate';
import { PROJECT } from '../gcp/estate';
import { auditTargetFunction } from './audit-target-harness';
import {
  AUDITOR_ACCOUNT,
  AWS_REGION,
  azureClientSecret,
  CLIENT,
  federationEstate,
  SERVICE_ACCOUNT,
  TENANT,
} from './federation-estate';

const KEY_SECRET = `arn:aws:secretsmanager:${AWS_REGION}:${AUDITOR_ACCOUNT}:secret:mk8s-audit/gcp-key-AbCdEf`;
const AZURE_SECRET = `arn:aws:secretsmanager:${AWS_REGION}:${AUDITOR_ACCOUNT}:secret:mk8s-audit/azure-AbCdEf`;
const CLIENT_SECRET = 'Q~s3cr3t-client-value-9f8e7d6c5b4a';
const KEY_ID = '3f1c2a9b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a';
const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

const pem = (k: KeyObject, type: 'pkcs8' | 'spki') => k.export({ type, format: 'pem' }).toString();
/** The key registered for the service account, and one Google has never seen. */
const registered = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

let sb: Sandbox | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await sb?.stop();
  sb = undefined;
});

/** GKE and AKS estates; the service account's registered public key; the Azure client secret. */
function estate(): EstateInput {
  const gcp = federationEstate().gcp as NonNullable<EstateInput['gcp']>;
  const azure = aksEstate().azure as NonNullable<EstateInput['azure']>;
  return {
    gcp: {
      ...gcp,
      serviceAccountKeys: [
        {
          serviceAccount: SERVICE_ACCOUNT,
          keyId: KEY_ID,
          publicKey: pem(registered.publicKey, 'spki'),
        },
      ],
    },
    aws: {
      callerAccount: AUDITOR_ACCOUNT,
      accounts: { [AUDITOR_ACCOUNT]: { secrets: { [AZURE_SECRET]: CLIENT_SECRET } } },
    },
    azure: { ...azure, tenantId: TENANT, clientSecrets: { [CLIENT]: CLIENT_SECRET } },
  };
}

/** A key file as `gcloud iam service-accounts keys create` writes it, pointed at `tokenUri`. */
function keyFile(tokenUri: string, privateKey: KeyObject, email = SERVICE_ACCOUNT) {
  return {
    type: 'service_account',
    project_id: PROJECT,
    private_key_id: KEY_ID,
    private_key: pem(privateKey, 'pkcs8'),
    client_email: email,
    client_id: '109876543210987654321',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: tokenUri,
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
    universe_domain: 'googleapis.com',
  };
}

/**
 * Starts the sandbox and stores the key in Secrets Manager; the key's `token_uri` names this
 * sandbox's token endpoint, known once it runs (routes read the estate live).
 */
async function sandboxWithKey(key: (tokenUri: string) => object): Promise<Sandbox> {
  sb = await startSandbox({ estate: estate() });
  const account = sb.state.estate.aws?.accounts[AUDITOR_ACCOUNT];
  if (!account) throw new Error('no auditor account');
  account.secrets[KEY_SECRET] = JSON.stringify(key(`${sb.url}/token`));
  return sb;
}

/** The audit-target handler with a GCP project (key fallback) and an Azure subscription. */
async function handlerFor(url: string) {
  const logger = pipelineLogger(new Logger({ serviceName: 'mk8s-audit', logLevel: 'DEBUG' }));
  const { handler, store } = await auditTargetFunction(
    url,
    {
      gcp: {
        projects: [PROJECT],
        credentials: { source: 'service-account-key', secretArn: KEY_SECRET },
      },
      azure: {
        subscriptions: [SUB],
        credentials: azureClientSecret(url, AZURE_SECRET),
      },
    },
    { logger },
  );
  const audit = async (target: Target) => {
    const { resultKey } = await handler({ run: RUN, target });
    return JSON.parse((await store.get(resultKey)) ?? 'null') as TargetResult;
  };
  return {
    store,
    gcp: () => audit({ cloud: 'gcp', project: PROJECT }),
    azure: () => audit({ cloud: 'azure', subscription: SUB }),
  };
}

/** Captures everything written to stdout and stderr (Powertools logs there) during `run`. */
async function captureOutput<T>(run: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const capture = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    const value = await run();
    return { value, output: chunks.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}

async function objects(store: ObjectStore): Promise<string> {
  const keys = await store.list('runs/');
  return (await Promise.all(keys.map((k) => store.get(k)))).join('\n');
}

/** Values that must stay between Secrets Manager, google-auth-library and the token endpoint. */
function secretValues(sandbox: Sandbox, ...keys: KeyObject[]): string[] {
  const keyBodies = keys.map((k) => pem(k, 'pkcs8').split('\n')[1] as string);
  return [
    ...keyBodies,
    ...sandbox.state.federation.presentedCredentials(),
    ...sandbox.state.federation.issued(),
  ];
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

describe('GCP service-account key fallback, end to end through google-auth-library', () => {
  it('reads the key from Secrets Manager once per invocation, gets a token with a signed assertion at the key token_uri, and the GKE calls act as the service account', async () => {
    const sandbox = await sandboxWithKey((uri) => keyFile(uri, registered.privateKey));
    const { gcp, store } = await handlerFor(sandbox.url);
    const { value: result, output } = await captureOutput(async () => {
      const first = await gcp();
      await gcp();
      return first;
    });

    expect(result.status).not.toBe('failed');
    expect(result.clusters).toBe(2);
    expect(result.findings).toBeGreaterThan(0);
    // The one error is the estate's unreachable zone, not authentication.
    expect(result.errors.map((e) => e.code)).toEqual(['MISSING_ZONE']);
    // Read at run time, once per invocation; one token per invocation (the library caches it).
    expect(sandbox.counters.get('secretsmanager:GetSecretValue')).toBe(2);
    expect(sandbox.counters.get('oauth2:Token')).toBe(2);
    expect(sandbox.counters.get('sts:ExchangeToken')).toBe(0);
    // Every Google API call carried the token issued for the service account's key.
    expect(sandbox.state.federation.callers()).toEqual([`serviceAccount:${SERVICE_ACCOUNT}`]);

    // The assertion google-auth-library signed, as the token endpoint received it.
    const [assertion] = sandbox.state.federation.presentedCredentials();
    const claims = claimsOf(assertion ?? '');
    expect(claims).toMatchObject({
      iss: SERVICE_ACCOUNT,
      aud: GOOGLE_TOKEN_URI,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
    });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(3600);

    expect(output).toContain('Audited gcp:');
    const secrets = secretValues(sandbox, registered.privateKey);
    expect(secrets.length).toBe(5);
    const stored = await objects(store);
    for (const secret of secrets) {
      expect(output).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it.each([
    [
      'a key Google does not know (deleted, or never uploaded)',
      (uri: string) => keyFile(uri, stranger.privateKey),
      'invalid_grant: Invalid JWT Signature.',
    ],
    [
      "the registered key's id with another private key (a wrong signature)",
      (uri: string) => ({ ...keyFile(uri, stranger.privateKey), private_key_id: KEY_ID }),
      'invalid_grant: Invalid JWT Signature.',
    ],
    [
      'a key of a service account that does not exist',
      (uri: string) =>
        keyFile(uri, registered.privateKey, 'gone@acme-prod.iam.gserviceaccount.com'),
      'invalid_grant: Invalid grant: account not found',
    ],
  ])(
    '%s fails the GCP target with the token endpoint reason; the Azure target completes; nothing secret is logged or stored',
    async (_case, key, reason) => {
      const sandbox = await sandboxWithKey(key);
      const { gcp, azure, store } = await handlerFor(sandbox.url);
      const { value, output } = await captureOutput(async () => ({
        gcp: await gcp(),
        azure: await azure(),
      }));

      expect(value.gcp.status).toBe('failed');
      expect(value.gcp.clusters).toBe(0);
      expect(value.gcp.errors.map((e) => e.message)).toContain(reason);
      // One refused exchange: a 400 is not retried, and the failed list ends the target.
      expect(sandbox.counters.get('oauth2:Token')).toBe(1);
      // No Google API call got past authentication; Azure was audited with its own credentials.
      expect(sandbox.state.federation.callers()).toEqual([`app:${CLIENT}`]);
      expect(value.azure.status).not.toBe('failed');
      expect(value.azure.clusters).toBeGreaterThan(0);

      const secrets = [
        ...secretValues(sandbox, registered.privateKey, stranger.privateKey),
        CLIENT_SECRET,
      ];
      const stored = await objects(store);
      for (const secret of secrets) {
        expect(output).not.toContain(secret);
        expect(stored).not.toContain(secret);
      }
    },
  );
});
