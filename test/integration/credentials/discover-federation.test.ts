import { afterEach, describe, expect, it } from 'vitest';
import { targetLabel } from '../../../core/target';
import { discoveryHooksFor } from '../../../functions/discover/discovery-hooks';
import { makeHandler } from '../../../functions/discover/handler';
import { parseRunConfig } from '../../../pipeline/run-config';
import { DiscoverOutput } from '../../../pipeline/types';
import { outboundIssuer } from '../../../sandbox/aws/outbound-identity';
import type { EstateInput } from '../../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { clock, recordingLogger, tempStore } from '../../helpers/pipeline-fakes';
import { aksEstate, SUB, SUB_EMPTY } from '../azure/aks-estate';
import { PROJECT } from '../gcp/estate';
import {
  AUDITOR_ACCOUNT,
  AWS_REGION,
  CLIENT,
  federationEstate,
  gcpWorkloadIdentity,
  roleCredentials,
  SERVICE_ACCOUNT,
  TENANT,
} from './federation-estate';

const DISCOVER_ROLE = 'mk8s-audit-discover';
const DISCOVER_ROLE_ARN = `arn:aws:iam::${AUDITOR_ACCOUNT}:role/${DISCOVER_ROLE}`;

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

const metrics = { addMetric() {}, publishStoredMetrics() {} };

/**
 * The GKE project below folders/300 (organizations/100), its zones all reachable; the AKS
 * subscriptions; a pool provider and an Entra app that trust the discover role as the stack
 * outputs say (the audit-target role is trusted as well, by its own entries).
 */
function estate(): EstateInput {
  const base = federationEstate();
  const gcp = base.gcp as NonNullable<EstateInput['gcp']>;
  const project = gcp.projects[PROJECT] as NonNullable<(typeof gcp.projects)[string]>;
  const azure = aksEstate().azure as NonNullable<EstateInput['azure']>;
  return {
    ...base,
    gcp: {
      ...gcp,
      folders: [{ id: '300', parent: 'organizations/100' }],
      projects: { [PROJECT]: { ...project, parent: 'folders/300', missingZones: [] } },
      workloadIdentity: {
        ...gcp.workloadIdentity,
        allowedAwsRoles: [
          ...(gcp.workloadIdentity?.allowedAwsRoles ?? []),
          `arn:aws:sts::${AUDITOR_ACCOUNT}:assumed-role/${DISCOVER_ROLE}`,
        ],
      },
    },
    azure: {
      ...azure,
      tenantId: TENANT,
      federatedCredentials: [
        { clientId: CLIENT, issuer: outboundIssuer(AUDITOR_ACCOUNT), subject: DISCOVER_ROLE_ARN },
      ],
    },
  };
}

async function runDiscover(roleName = DISCOVER_ROLE) {
  sb = await startSandbox({ estate: estate() });
  const url = sb.url;
  const config = parseRunConfig({
    gcp: {
      parents: ['organizations/100'],
      credentials: gcpWorkloadIdentity(url),
    },
    azure: {
      allSubscriptions: true,
      credentials: {
        source: 'workload-identity',
        tenantId: TENANT,
        clientId: CLIENT,
        authorityHost: url,
      },
    },
  });
  const { store } = await tempStore();
  const logger = recordingLogger();
  const handler = makeHandler({
    config,
    store,
    logger,
    metrics,
    clock,
    // What functions/discover/index.ts wires, with the role's session as Lambda hands it over.
    discovery: () =>
      discoveryHooksFor(config, {
        region: AWS_REGION,
        awsCredentials: () => roleCredentials(url, roleName),
        endpoints: { aws: url, google: url, arm: url },
      }),
  });
  const out = await handler({
    executionName: 'daily-2026-11-28',
    startedAt: '2026-11-28T03:00:00Z',
  });
  const stored = DiscoverOutput.parse(JSON.parse((await store.get(out.targetsKey)) ?? 'null'));
  return { sb, out, stored, logger };
}

describe('the discover function with keyless GCP and Azure credentials', () => {
  it('lists GCP projects under the organization and Azure subscriptions, and their clusters, as its own role', async () => {
    const { sb, out, stored } = await runDiscover();
    expect(out.discoveryErrors).toBe(0);
    expect(stored.targets.map(targetLabel)).toEqual([`gcp:${PROJECT}`, `azure:${SUB}`]);
    // Targets name their clusters: the audits will not list again.
    expect(stored.targets[0]?.clusters).toHaveLength(2);
    expect(stored.targets[1]?.clusters?.sort()).toEqual([
      'rg1/aks-private',
      'rg1/aks-public',
      'rg2/aks-rbac',
    ]);
    // The enabled subscription without clusters is listed and left out.
    expect(stored.emptyScopes).toEqual([`azure:${SUB_EMPTY}`]);
    // One Google token exchange and impersonation, one AWS web identity token and Entra token.
    expect(sb.counters.get('sts:ExchangeToken')).toBe(1);
    expect(sb.counters.get('sts:GetWebIdentityToken')).toBe(1);
    expect(sb.counters.get('entra:Token')).toBe(1);
    expect(sb.state.federation.callers().sort()).toEqual(
      [`app:${CLIENT}`, `serviceAccount:${SERVICE_ACCOUNT}`].sort(),
    );
    expect(sb.counters.get('cloudresourcemanager:projects.list')).toBeGreaterThan(0);
    expect(sb.counters.get('container:ListClusters')).toBe(1);
  });

  it('a role the federation does not admit finds nothing, and says so as discovery errors', async () => {
    const { out, stored, logger } = await runDiscover('some-other-role');
    expect(stored.targets).toEqual([]);
    expect(out.discoveryErrors).toBe(2);
    expect(stored.errors?.map((e) => e.operation)).toEqual([
      'cloudresourcemanager:projects.list',
      'resources:Subscriptions.List',
    ]);
    expect(JSON.stringify(stored.errors)).toMatch(/AADSTS700213/);
    expect(
      logger.lines.some((l) => /token/i.test(l.message) && /ey[A-Za-z0-9]/.test(l.message)),
    ).toBe(false);
  });
});
