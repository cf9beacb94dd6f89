import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index';
import { runConfigForEstate } from '../../cli/estate-run-config';
import type { Finding } from '../../core/finding';
import { silentLogger } from '../../core/logger';
import { parseFindingsJson } from '../../outputs/findings-json';
import { runLocal } from '../../pipeline/run-local';
import { createAwsCollector } from '../../providers/aws/collector';
import { createAzureCollector } from '../../providers/azure/collector';
import { createGcpCollector } from '../../providers/gcp/collector';
import { awsClientConfig, fakeAzureCredential, fakeGoogleAuthClient } from '../../sandbox/clients';
import { type EstateInput, loadEstate, parseEstate } from '../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../sandbox/sample-estate';
import { startSandbox } from '../../sandbox/server';
import { clock, tempStore } from '../helpers/pipeline-fakes';
import { awsEstate } from './sandbox/estates';
import { gcpAzureEstate } from './sandbox/gcp-azure-estates';

/**
 * A finding id is the upsert key of Security Hub and of the run state: two results with one id
 * silently overwrite each other there. Every check of the catalog, over rich estates (several
 * node groups / node pools / agent pools per cluster, access entries, role bindings...), must
 * give each result its own id: a check that returns several results for one cluster sets a
 * distinct `subject` on each.
 */
async function findingsOf(estate: EstateInput) {
  const sandbox = await startSandbox({ estate });
  try {
    const { store } = await tempStore();
    const config = runConfigForEstate(parseEstate(estate), 'us-east-1');
    const { published } = await runLocal(config, {
      store,
      collectors: {
        aws: createAwsCollector({
          endpoint: sandbox.url,
          credentials: awsClientConfig(sandbox.url).credentials,
          assumeRole: { roleName: config.aws.memberRoleName },
        }),
        gcp: createGcpCollector({ endpoint: sandbox.url, authClient: fakeGoogleAuthClient() }),
        azure: createAzureCollector({ endpoint: sandbox.url, credential: fakeAzureCredential }),
      },
      checks: ALL_CHECKS,
      clock,
      logger: silentLogger,
    });
    const text = await store.get(published.findingsKey);
    return parseFindingsJson(text ?? '[]', published.findingsKey);
  } finally {
    await sandbox.stop();
  }
}

/** `id → "check cluster subject"` of every id held by more than one finding. */
function duplicates(findings: readonly Finding[]) {
  const seen = new Map<string, string[]>();
  for (const f of findings) {
    seen.set(f.id, [
      ...(seen.get(f.id) ?? []),
      `${f.resourceName} ${f.subject?.id ?? '(no subject)'}`,
    ]);
  }
  return Object.fromEntries([...seen].filter(([, xs]) => xs.length > 1));
}

describe('finding ids over the whole catalog', () => {
  it.each([
    ['the sample estate', () => loadEstate(SAMPLE_ESTATE_FILE)],
    ['three EKS clusters with two node groups each', () => awsEstate(3)],
    ['GKE and AKS clusters', () => gcpAzureEstate()],
  ])(
    'no two findings of %s share an id',
    async (_name, estate) => {
      const findings = await findingsOf(estate());
      expect(findings.length).toBeGreaterThan(20);
      expect(duplicates(findings)).toEqual({});
    },
    60_000,
  );
});
