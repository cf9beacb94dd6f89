import type { Finding } from '../../core/finding';
import { findingId } from '../../core/finding';

const EKS_ARN = 'arn:aws:eks:us-west-2:012345678910:cluster/my-eks-cluster';

/** An EKS finding shaped like `eks-endpoint-public-access` produces. */
export function eksFinding(overrides: Partial<Finding> = {}): Finding {
  const checkId = overrides.checkId ?? 'eks-endpoint-public-access';
  const resourceId = overrides.resourceId ?? EKS_ARN;
  return {
    id: findingId(checkId, resourceId, overrides.subject),
    checkId,
    provider: 'eks',
    cloud: 'aws',
    resourceId,
    resourceName: 'my-eks-cluster',
    account: '012345678910',
    region: 'us-west-2',
    status: 'fail',
    severity: 'medium',
    title: 'EKS cluster API server endpoint is not publicly accessible',
    message:
      'Cluster my-eks-cluster has its public API server endpoint enabled (endpointPublicAccess=true).',
    evidence: [{ path: 'cluster.resourcesVpcConfig.endpointPublicAccess', value: true }],
    family: 'api-endpoint-exposure',
    categories: ['network', 'control-plane'],
    remediation: {
      summary: 'Turn on the private endpoint and turn off the public endpoint.',
      cli: 'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.4.2'], 'aws-securityhub': ['EKS.1'] },
    source: { kind: 'api', collectedAt: '2026-11-28T03:00:00.000Z' },
    ...overrides,
  };
}

/** A GKE finding in a location longer than Security Hub's 16-character Region. */
export function gkeFinding(overrides: Partial<Finding> = {}): Finding {
  const checkId = overrides.checkId ?? 'gke-legacy-abac-disabled';
  const resourceId =
    overrides.resourceId ??
    'projects/acme-prod/locations/northamerica-northeast1/clusters/payments';
  return eksFinding({
    id: findingId(checkId, resourceId, overrides.subject),
    checkId,
    provider: 'gke',
    cloud: 'gcp',
    resourceId,
    resourceName: 'payments',
    account: 'acme-prod',
    region: 'northamerica-northeast1',
    title: 'GKE cluster has legacy ABAC disabled',
    message: 'Cluster payments has legacy ABAC enabled (legacyAbac.enabled=true).',
    evidence: [{ path: 'cluster.legacyAbac.enabled', value: true }],
    family: 'legacy-authorization',
    categories: ['iam'],
    remediation: {
      summary: 'Disable legacy ABAC.',
      cli: 'gcloud container clusters update payments --no-enable-legacy-authorization',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.8.4'] },
    ...overrides,
  });
}

/** An AKS finding. */
export function aksFinding(overrides: Partial<Finding> = {}): Finding {
  const checkId = overrides.checkId ?? 'aks-local-accounts-disabled';
  const resourceId =
    overrides.resourceId ??
    '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1';
  return eksFinding({
    id: findingId(checkId, resourceId, overrides.subject),
    checkId,
    provider: 'aks',
    cloud: 'azure',
    resourceId,
    resourceName: 'clustername1',
    account: '00000000-0000-0000-0000-000000000001',
    region: 'germanywestcentral',
    title: 'AKS cluster has local accounts disabled',
    message: 'Cluster clustername1 allows local accounts (disableLocalAccounts absent).',
    evidence: [{ path: 'cluster.properties.disableLocalAccounts', value: null, absent: true }],
    family: 'local-accounts',
    categories: ['iam'],
    remediation: { summary: 'Disable local accounts.' },
    frameworks: {},
    ...overrides,
  });
}
