import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pipelineLogger } from '../../../functions/shared/observability';
import type { RunConfigInput } from '../../../pipeline/run-config';
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
  POOL_PROVIDER,
  TENANT,
} from './federation-estate';

const SECRET_ARN = `arn:aws:secretsmanager:${AWS_REGION}:${AUDITOR_ACCOUNT}:secret:mk8s-audit/azure-AbCdEf`;
/** A value that must never leave Secrets Manager except towards Entra. */
const CLIENT_SECRET = 'Q~s3cr3t-client-value-9f8e7d6c5b4a';
const PARAMETER = '/mk8s-audit/gcp-external-account';

let sb: Sandbox | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await sb?.stop();
  sb = undefined;
});

/** GKE and AKS estates, the auditor account with a secret and a parameter. */
function estate(url: string | undefined, clientSecrets = { [CLIENT]: CLIENT_SECRET }): EstateInput {
  const gcp = federationEstate();
  const azure = aksEstate().azure as NonNullable<EstateInput['azure']>;
  return {
    gcp: gcp.gcp,
    aws: {
      callerAccount: AUDITOR_ACCOUNT,
      accounts: {
        [AUDITOR_ACCOUNT]: {
          secrets: { [SECRET_ARN]: CLIENT_SECRET },
          parameters: url === undefined ? {} : { [PARAMETER]: externalAccountJson(url) },
        },
      },
    },
    azure: { ...azure, tenantId: TENANT, clientSecrets },
  };
}

/** The external-account configuration pointed at a sandbox, as the SSM parameter holds it. */
function externalAccountJson(url: string): string {
  return JSON.stringify({
    type: 'external_account',
    audience: POOL_PROVIDER,
    subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
    token_url: `${url}/v1/token`,
  });
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

function handlerFor(sbUrl: string, audit: RunConfigInput) {
  const logger = pipelineLogger(new Logger({ serviceName: 'mk8s-audit', logLevel: 'DEBUG' }));
  return auditTargetFunction(sbUrl, audit, { logger });
}

const azureSecret = (url: string): RunConfigInput => ({
  azure: {
    subscriptions: [SUB],
    credentials: azureClientSecret(url, SECRET_ARN),
  },
});

describe('opt-in secrets read at run time from Secrets Manager', () => {
  it('Azure client secret: read once per invocation, audits the subscription, and appears in no log line or stored object', async () => {
    sb = await startSandbox({ estate: estate(undefined) });
    const { handler, store } = await handlerFor(sb.url, azureSecret(sb.url));
    const { value, output } = await captureOutput(async () => {
      const first = await handler({ run: RUN, target: { cloud: 'azure', subscription: SUB } });
      await handler({ run: RUN, target: { cloud: 'azure', subscription: SUB } });
      return first;
    });
    const result = JSON.parse((await store.get(value.resultKey)) ?? 'null') as TargetResult;
    expect(result.clusters).toBeGreaterThan(0);
    expect(sb.state.federation.callers()).toEqual([`app:${CLIENT}`]);
    // Read at run time, once per invocation: two invocations, two reads (a rotation is seen).
    expect(sb.counters.get('secretsmanager:GetSecretValue')).toBe(2);
    expect(sb.counters.get('entra:Token')).toBe(2);

    expect(output).toContain('Audited azure:');
    const secrets = [CLIENT_SECRET, 'sandbox-secret', ...sb.state.federation.issued()];
    expect(secrets.length).toBeGreaterThan(3);
    const stored = await objects(store);
    for (const secret of secrets) {
      expect(output).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it("a wrong client secret fails the target with Entra's reason, and neither value is logged or stored", async () => {
    sb = await startSandbox({ estate: estate(undefined, { [CLIENT]: 'the-real-one-differs' }) });
    const { handler, store } = await handlerFor(sb.url, azureSecret(sb.url));
    const { value, output } = await captureOutput(() =>
      handler({ run: RUN, target: { cloud: 'azure', subscription: SUB } }),
    );
    const result = JSON.parse((await store.get(value.resultKey)) ?? 'null') as TargetResult;
    expect(result.status).toBe('failed');
    expect(JSON.stringify(result.errors)).toContain('AADSTS7000215');
    const stored = await objects(store);
    for (const secret of [CLIENT_SECRET, 'the-real-one-differs']) {
      expect(output).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it('a secret that cannot be read fails only that target, naming the secret', async () => {
    sb = await startSandbox({ estate: estate(undefined) });
    const missing = SECRET_ARN.replace('AbCdEf', 'ZzZzZz');
    const audit = azureSecret(sb.url);
    const { handler, store } = await handlerFor(sb.url, {
      azure: { ...audit.azure, credentials: { ...audit.azure?.credentials, secretArn: missing } },
    } as RunConfigInput);
    const { value } = await captureOutput(() =>
      handler({ run: RUN, target: { cloud: 'azure', subscription: SUB } }),
    );
    const result = JSON.parse((await store.get(value.resultKey)) ?? 'null') as TargetResult;
    expect(result.status).toBe('failed');
    expect(result.errors[0]?.message).toContain(`secret ${missing} could not be read`);
    expect(result.errors[0]?.message).toContain('ResourceNotFoundException');
  });

  it('GCP external-account configuration from an SSM parameter: read, validated, used', async () => {
    sb = await startSandbox({ estate: estate(undefined) });
    // The parameter names this sandbox's token URL, known once it runs (routes read the estate live).
    const account = sb.state.estate.aws?.accounts[AUDITOR_ACCOUNT];
    if (!account) throw new Error('no auditor account');
    account.parameters[PARAMETER] = externalAccountJson(sb.url);
    const { handler, store } = await handlerFor(sb.url, {
      gcp: {
        projects: [PROJECT],
        credentials: { source: 'workload-identity', externalAccountParameter: PARAMETER },
      },
    });
    const { resultKey } = await handler({ run: RUN, target: { cloud: 'gcp', project: PROJECT } });
    const result = JSON.parse((await store.get(resultKey)) ?? 'null') as TargetResult;
    expect(result.clusters).toBe(2);
    expect(sb.counters.get('ssm:GetParameter')).toBe(1);
    expect(sb.counters.get('sts:ExchangeToken')).toBe(1);
  });

  it('an SSM parameter that is not a valid external-account configuration fails the target naming the key', async () => {
    sb = await startSandbox({ estate: estate(undefined) });
    const account = sb.state.estate.aws?.accounts[AUDITOR_ACCOUNT];
    if (!account) throw new Error('no auditor account');
    account.parameters[PARAMETER] = JSON.stringify({
      ...JSON.parse(externalAccountJson(sb.url)),
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    });
    const { handler, store } = await handlerFor(sb.url, {
      gcp: {
        projects: [PROJECT],
        credentials: { source: 'workload-identity', externalAccountParameter: PARAMETER },
      },
    });
    const { resultKey } = await handler({ run: RUN, target: { cloud: 'gcp', project: PROJECT } });
    const result = JSON.parse((await store.get(resultKey)) ?? 'null') as TargetResult;
    expect(result.status).toBe('failed');
    expect(result.errors[0]?.message).toMatch(
      /SSM parameter \/mk8s-audit\/gcp-external-account is not a valid external_account configuration[\s\S]*subject_token_type/,
    );
    expect(sb.counters.get('sts:ExchangeToken')).toBe(0);
  });
});
