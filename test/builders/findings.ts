import type { Evidence, Status, Subject } from '../../core/check';
import { type Finding, findingId } from '../../core/finding';
import { CLOUD_OF, type Provider } from '../../core/provider';
import type { Severity } from '../../core/severity';

/**
 * A realistic estate of findings for output tests: two EKS clusters, two GKE clusters and one
 * AKS cluster, with the same control families on each cloud, every status, sub-resource
 * subjects, absent evidence and text that needs escaping.
 */

interface ClusterRef {
  provider: Provider;
  id: string;
  name: string;
  account: string;
  region: string;
}

export const CLUSTERS: readonly ClusterRef[] = [
  {
    provider: 'eks',
    id: 'arn:aws:eks:eu-west-1:111122223333:cluster/payments-prod',
    name: 'payments-prod',
    account: '111122223333',
    region: 'eu-west-1',
  },
  {
    provider: 'eks',
    id: 'arn:aws:eks:us-east-1:444455556666:cluster/data-dev',
    name: 'data-dev',
    account: '444455556666',
    region: 'us-east-1',
  },
  {
    provider: 'gke',
    id: 'projects/acme-prod/locations/europe-west1/clusters/web-prod',
    name: 'web-prod',
    account: 'acme-prod',
    region: 'europe-west1',
  },
  {
    provider: 'gke',
    id: 'projects/acme-dev/locations/us-central1-a/clusters/sandbox',
    name: 'sandbox',
    account: 'acme-dev',
    region: 'us-central1-a',
  },
  {
    provider: 'aks',
    id: '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-core/providers/Microsoft.ContainerService/managedClusters/core-aks',
    name: 'core-aks',
    account: '0b1f6471-1bf0-4dda-aec3-cb9272f09590',
    region: 'westeurope',
  },
];

interface CheckSpec {
  suffix: string;
  title: string;
  severity: Severity;
  family: string;
  frameworks: (p: Provider) => Record<string, string[]>;
  path: (p: Provider) => string;
}

const CIS: Record<Provider, string> = {
  eks: 'cis-eks-1.8.0',
  gke: 'cis-gke-1.9.0',
  aks: 'cis-aks-1.8.0',
};

const CHECKS: readonly CheckSpec[] = [
  {
    suffix: 'endpoint-public-access',
    title: 'API server endpoint is not publicly accessible',
    severity: 'high',
    family: 'api-endpoint-exposure',
    frameworks: (p) => ({ [CIS[p]]: [p === 'eks' ? '5.4.2' : p === 'gke' ? '5.6.4' : '5.4.2'] }),
    path: (p) =>
      p === 'eks'
        ? 'cluster.resourcesVpcConfig.endpointPublicAccess'
        : p === 'gke'
          ? 'cluster.privateClusterConfig.enablePrivateEndpoint'
          : 'cluster.properties.apiServerAccessProfile.enablePrivateCluster',
  },
  {
    suffix: 'secrets-encryption',
    title: 'Kubernetes secrets are encrypted with a customer-managed key',
    severity: 'critical',
    family: 'secrets-encryption',
    frameworks: (p) => ({ [CIS[p]]: [p === 'eks' ? '5.3.1' : p === 'gke' ? '5.3.1' : '5.3.1'] }),
    path: (p) =>
      p === 'eks'
        ? 'cluster.encryptionConfig'
        : p === 'gke'
          ? 'cluster.databaseEncryption.state'
          : 'cluster.properties.securityProfile.azureKeyVaultKms.enabled',
  },
  {
    suffix: 'audit-logging',
    title: 'Control-plane audit logs are enabled',
    severity: 'medium',
    family: 'audit-logging',
    frameworks: (p) => ({ [CIS[p]]: ['2.1.1'], 'pci-dss-4.0': ['10.2.1'] }),
    path: (p) =>
      p === 'eks'
        ? 'cluster.logging.clusterLogging'
        : p === 'gke'
          ? 'cluster.loggingConfig.componentConfig.enableComponents'
          : 'parts.diagnosticSettings',
  },
  {
    suffix: 'private-nodes',
    title: 'Nodes have no public IP addresses',
    severity: 'low',
    family: 'private-nodes',
    frameworks: (p) => ({ [CIS[p]]: ['5.4.3'] }),
    path: (p) =>
      p === 'eks'
        ? 'parts.nodegroups[0].remoteAccess'
        : p === 'gke'
          ? 'cluster.privateClusterConfig.enablePrivateNodes'
          : 'cluster.properties.agentPoolProfiles[0].enableNodePublicIP',
  },
];

/** A status per (cluster, check) that exercises every status on every cloud. */
const STATUS_GRID: readonly (readonly Status[])[] = [
  ['fail', 'pass', 'pass', 'fail'],
  ['pass', 'fail', 'unknown', 'not_applicable'],
  ['fail', 'pass', 'fail', 'pass'],
  ['pass', 'unknown', 'fail', 'fail'],
  ['fail', 'fail', 'pass', 'pass'],
];

export interface FindingOptions {
  provider?: Provider;
  status?: Status;
  severity?: Severity;
  message?: string;
  evidence?: Evidence[];
  subject?: Subject;
  frameworks?: Record<string, string[]>;
}

/** One finding on the first cluster of the provider, with overrides. */
export function makeFinding(o: FindingOptions = {}): Finding {
  const provider = o.provider ?? 'eks';
  const cluster = CLUSTERS.find((c) => c.provider === provider) ?? CLUSTERS[0]!;
  const checkId = `${provider}-endpoint-public-access`;
  const status = o.status ?? 'fail';
  const f: Finding = {
    id: findingId(checkId, cluster.id, o.subject),
    checkId,
    provider,
    cloud: CLOUD_OF[provider],
    resourceId: cluster.id,
    resourceName: cluster.name,
    account: cluster.account,
    region: cluster.region,
    status,
    severity: o.severity ?? 'high',
    title: 'API server endpoint is not publicly accessible',
    message: o.message ?? `Cluster ${cluster.name} has its public API server endpoint enabled.`,
    evidence: o.evidence ?? [
      { path: 'cluster.resourcesVpcConfig.endpointPublicAccess', value: true },
    ],
    family: 'api-endpoint-exposure',
    categories: ['network', 'control-plane'],
    remediation: {
      summary: 'Turn off the public endpoint.',
      cli: 'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPublicAccess=false',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    },
    frameworks: o.frameworks ?? { [CIS[provider]]: ['5.4.2'] },
    source: { kind: 'api', collectedAt: '2026-11-28T06:00:00.000Z' },
  };
  if (o.subject) f.subject = o.subject;
  return f;
}

function valueFor(status: Status): unknown {
  switch (status) {
    case 'pass':
      return false;
    case 'fail':
      return true;
    default:
      return null;
  }
}

/** The estate's findings: every cluster × every check, statuses from STATUS_GRID. */
export function sampleFindings(): Finding[] {
  const out: Finding[] = [];
  CLUSTERS.forEach((cluster, ci) => {
    CHECKS.forEach((spec, ki) => {
      const status = STATUS_GRID[ci]?.[ki] ?? 'pass';
      const checkId = `${cluster.provider}-${spec.suffix}`;
      const path = spec.path(cluster.provider);
      const subject: Subject | undefined =
        spec.suffix === 'private-nodes'
          ? { type: 'node-pool', id: `${cluster.id}/nodepools/pool-1`, name: 'pool-1' }
          : undefined;
      const evidence: Evidence[] =
        status === 'unknown'
          ? [{ path, value: null, absent: true }]
          : [
              { path, value: valueFor(status) },
              { path: 'cluster.tags', value: { team: 'a,"b"' } },
            ];
      const message =
        status === 'unknown'
          ? `Cluster ${cluster.name}: ${path} could not be read: eks:DescribeCluster failed with AccessDeniedException: User <img src=x> is "not authorized", so the result is unknown.`
          : `Cluster ${cluster.name} ${status === 'fail' ? 'does not meet' : 'meets'} "${spec.title}" (${path}).`;
      const f: Finding = {
        id: findingId(checkId, cluster.id, subject),
        checkId,
        provider: cluster.provider,
        cloud: CLOUD_OF[cluster.provider],
        resourceId: cluster.id,
        resourceName: cluster.name,
        account: cluster.account,
        region: cluster.region,
        status,
        severity: spec.severity,
        title: spec.title,
        message,
        evidence,
        family: spec.family,
        categories: ['control-plane'],
        remediation: {
          summary: `Change ${path} so that: ${spec.title.toLowerCase()}.`,
          cli: `${cluster.provider === 'eks' ? 'aws eks' : cluster.provider === 'gke' ? 'gcloud container clusters' : 'az aks'} update --name ${cluster.name}`,
          url: 'https://example.com/docs/hardening?a=1&b=2',
        },
        frameworks: spec.frameworks(cluster.provider),
        source: { kind: 'api', collectedAt: '2026-11-28T06:00:00.000Z' },
      };
      if (subject) f.subject = subject;
      out.push(f);
    });
  });
  return out;
}
