import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { isZone } from './shared/cluster';

export const gkeRegionalControlPlane: GkeCheck = {
  meta: {
    id: 'gke-regional-control-plane',
    provider: 'gke',
    title: 'GKE cluster has a regional (multi-zone) control plane',
    severity: 'low',
    family: 'control-plane-redundancy',
    categories: ['lifecycle', 'control-plane'],
    risk: 'A zonal cluster has a single control-plane replica: a zone outage or a control-plane upgrade makes the Kubernetes API unavailable.',
    remediation: {
      summary:
        'Run production workloads on a regional cluster; a zonal cluster cannot be converted, so create a regional one and migrate.',
      cli: 'gcloud container clusters create <cluster> --region <region>',
      iac: 'Terraform google_container_cluster: location = "<region>" (not a zone)',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/regional-clusters',
    },
    frameworks: {},
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const location = cluster.location ?? cluster.zone;
    const evidence = [
      ev('cluster.location', cluster.location),
      ev('cluster.locations', cluster.locations),
    ];
    // The API always returns the location; without it the input is incomplete.
    if (!location) return unknown(`Cluster ${ref.name}: the input has no location.`, evidence);
    return isZone(location)
      ? fail(
          `Cluster ${ref.name} is zonal (location ${location}): its control plane runs in one zone.`,
          evidence,
        )
      : pass(
          `Cluster ${ref.name} is regional (location ${location}): its control plane is replicated across zones.`,
          evidence,
        );
  },
};
