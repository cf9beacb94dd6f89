import { OAuth2Client } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { GKE_CHECKS } from '../../../checks/gke';
import { defaultAuditConfig } from '../../../core/config';
import { runChecks } from '../../../core/run-checks';
import type { GkeSnapshot } from '../../../core/snapshot-gke';
import { createGcpCollector } from '../../../providers/gcp/collector';
import type { FaultRule } from '../../../sandbox/faults';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { gcpEstate, NUMBER, PROJECT } from './estate';

function fakeAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'sandbox-token', expiry_date: Date.now() + 3_600_000 });
  return auth;
}

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

async function collect(faults: FaultRule[] = [], project = PROJECT) {
  sb = await startSandbox({ estate: gcpEstate(), faults });
  const collector = createGcpCollector({
    endpoint: sb.url,
    authClient: fakeAuth(),
    maxAttempts: 1,
    now: () => new Date('2026-11-28T10:00:00Z'),
  });
  return { sb, result: await collector.collect({ cloud: 'gcp', project }) };
}

describe('GCP collector through the real GKE client and REST calls against the sandbox', () => {
  it('collects every cluster with all its parts, in proto3 JSON, and reports missing zones', async () => {
    const { result } = await collect();
    const snaps = result.snapshots as GkeSnapshot[];
    expect(snaps.map((s) => s.ref.id)).toEqual([
      'projects/acme-prod/locations/europe-west1/clusters/prod-standard',
      'projects/acme-prod/locations/us-central1/clusters/prod-autopilot',
    ]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        operation: 'container:projects.locations.clusters.list',
        resource: 'asia-east1-a',
        code: 'MISSING_ZONE',
      }),
    ]);
    const [standard, autopilot] = snaps;
    // Defaults the GKE client fills in are dropped again: the snapshot is the API's proto3 JSON.
    expect(standard?.cluster.legacyAbac).toEqual({});
    expect(standard?.cluster.enableKubernetesAlpha).toBeUndefined();
    expect(standard?.cluster.defaultMaxPodsConstraint).toEqual({ maxPodsPerNode: '110' });
    expect(standard?.cluster.nodePools?.[0]?.config?.kubeletConfig).toEqual({
      insecureKubeletReadonlyPortEnabled: false,
    });
    for (const s of snaps) {
      expect(Object.fromEntries(Object.entries(s.parts).map(([k, p]) => [k, p.state]))).toEqual({
        project: 'collected',
        iamPolicy: 'collected',
        serverConfig: 'collected',
        upgradeInfo: 'collected',
        firewalls: 'collected',
        subnetwork: 'collected',
        services: 'collected',
        disks: 'collected',
      });
    }
    expect(standard?.parts.project).toMatchObject({ value: { projectNumber: NUMBER } });
    expect(standard?.parts.subnetwork).toMatchObject({
      value: { name: 'prod-nodes', privateIpGoogleAccess: true },
    });
    expect(standard?.parts.upgradeInfo).toMatchObject({
      value: { endOfStandardSupportTimestamp: '2027-06-30T00:00:00Z' },
    });
    expect(standard?.parts.disks).toMatchObject({ value: [{ name: 'pvc-0a1b2c3d' }] });
    // PV disks only (the description filter), linked by label or by attachment to a node.
    expect(autopilot?.parts.disks).toMatchObject({
      value: [{ name: 'pvc-9f8e7d6c' }, { name: 'pvc-5e6f7a8b' }],
    });
    expect(standard?.source).toEqual({ kind: 'api', collectedAt: '2026-11-28T10:00:00.000Z' });
  });

  it('fetches project-level objects once per run, shared by the clusters', async () => {
    const { sb } = await collect();
    const calls = sb.counters.byOperation();
    expect(calls).toMatchObject({
      'container:ListClusters': 1,
      'cloudresourcemanager:projects.get': 1,
      'cloudresourcemanager:projects.getIamPolicy': 1,
      'compute:firewalls.list': 1,
      'compute:disks.aggregatedList': 1,
      'serviceusage:services.get': 1,
      'container:GetServerConfig': 2,
      'container:FetchClusterUpgradeInfo': 2,
      'compute:subnetworks.get': 2,
    });
  });

  it('turns a denied IAM policy into failed parts: only the checks that need it are unknown, naming the call', async () => {
    const { result } = await collect([
      { kind: 'access-denied', operation: 'cloudresourcemanager:projects.getIamPolicy' },
    ]);
    const snap = result.snapshots[0] as GkeSnapshot;
    expect(snap.parts.iamPolicy).toMatchObject({
      state: 'failed',
      errors: [
        { operation: 'cloudresourcemanager:projects.getIamPolicy', code: 'PERMISSION_DENIED' },
      ],
    });
    expect(snap.parts.firewalls.state).toBe('collected');
    const findings = runChecks(GKE_CHECKS, [snap], {
      now: new Date('2026-11-28T10:00:00Z'),
      config: defaultAuditConfig(),
    });
    const unknownIds = [
      ...new Set(findings.filter((f) => f.status === 'unknown').map((f) => f.checkId)),
    ].sort();
    expect(unknownIds).toEqual([
      'gke-iam-cluster-admin-bindings',
      'gke-k8s-data-access-audit',
      'gke-node-sa-roles',
      'gke-registry-access',
    ]);
    expect(findings.find((f) => f.checkId === 'gke-node-sa-roles')?.message).toContain(
      'cloudresourcemanager:projects.getIamPolicy',
    );
  });

  it('retries a throttled REST call, and records it when the retries run out', async () => {
    sb = await startSandbox({
      estate: gcpEstate(),
      faults: [{ kind: 'throttle', operation: 'compute:firewalls.list', times: 1 }],
    });
    const retried = await createGcpCollector({
      endpoint: sb.url,
      authClient: fakeAuth(),
      maxAttempts: 2,
    }).collect({ cloud: 'gcp', project: PROJECT });
    expect((retried.snapshots[0] as GkeSnapshot).parts.firewalls.state).toBe('collected');
    expect(sb.counters.get('compute:firewalls.list')).toBe(2);
    await sb.stop();
    const { result } = await collect([{ kind: 'throttle', operation: 'compute:firewalls.list' }]);
    expect((result.snapshots[0] as GkeSnapshot).parts.firewalls).toMatchObject({
      state: 'failed',
      errors: [{ operation: 'compute:firewalls.list' }],
    });
  });

  it('records a denied list as a target error and collects nothing', async () => {
    const { result } = await collect([], 'denied-project');
    expect(result.snapshots).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        operation: 'container:projects.locations.clusters.list',
        resource: 'projects/denied-project',
      }),
    ]);
  });

  it('evaluates the collected estate end to end', async () => {
    const { result } = await collect();
    const findings = runChecks(GKE_CHECKS, result.snapshots, {
      now: new Date('2026-11-28T10:00:00Z'),
      config: defaultAuditConfig(),
    });
    const status = (check: string, cluster: string) =>
      findings
        .filter((f) => f.checkId === check && f.resourceName === cluster)
        .map((f) => f.status);
    expect(status('gke-node-default-sa', 'prod-autopilot')).toEqual(['fail', 'fail']);
    expect(status('gke-node-sa-roles', 'prod-autopilot')).toEqual(['fail']);
    expect(status('gke-node-sa-roles', 'prod-standard')).toEqual(['pass']);
    expect(status('gke-node-firewall-open', 'prod-autopilot')).toEqual(['fail']);
    expect(status('gke-node-firewall-open', 'prod-standard')).toEqual(['pass']);
    expect(status('gke-pd-cmek', 'prod-autopilot')).toEqual(['fail']);
    expect(status('gke-pd-cmek', 'prod-standard')).toEqual(['pass']);
    expect(status('gke-version-skew-support', 'prod-standard')).toEqual(['pass']);
    expect(status('gke-image-scanning-api', 'prod-standard')).toEqual(['pass']);
    expect(status('gke-intranode-visibility-flowlogs', 'prod-standard')).toEqual(['pass']);
    expect(findings.filter((f) => f.status === 'unknown')).toEqual([]);
  });
});
