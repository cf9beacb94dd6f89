import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import type { ComputeFirewall } from '../../core/snapshot-gke';
import { isOpenRange } from './shared/cidr';
import { lastSegment } from './shared/cluster';
import { effectiveServiceAccount } from './shared/default-sa';

/** Rules the GKE service controller writes for a LoadBalancer Service: the Service's own exposure. */
function isServiceRule(rule: ComputeFirewall): boolean {
  return (
    (rule.name ?? '').startsWith('k8s-fw-') ||
    (rule.description ?? '').includes('kubernetes.io/service-name')
  );
}

export const gkeNodeFirewallOpen: GkeCheck = {
  meta: {
    id: 'gke-node-firewall-open',
    provider: 'gke',
    title: 'No VPC firewall rule allows ingress from the internet to GKE nodes',
    severity: 'high',
    family: 'node-network-exposure',
    categories: ['network'],
    risk: 'An allow rule from 0.0.0.0/0 that targets the nodes exposes the kubelet, NodePorts and SSH of every node to the internet.',
    remediation: {
      summary:
        "Restrict the source ranges of ingress rules that target the cluster's nodes (node tags, node service account or the whole network) to known networks.",
      cli: 'gcloud compute firewall-rules update <rule> --source-ranges <cidr>,...  (or gcloud compute firewall-rules delete <rule>)',
      iac: 'Terraform google_compute_firewall: source_ranges = [<narrow cidrs>] with target_tags limited to the nodes that need it',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/firewall-rules',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.6.6'] },
    reads: ['compute:firewalls.list', 'container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref, parts }, { config }) {
    const fw = readPart(parts.firewalls, 'The VPC firewall rules', 'parts.firewalls');
    if (!fw.ok) return fw.outcome;
    const network = cluster.networkConfig?.network ?? cluster.network;
    if (!network)
      return unknown(`Cluster ${ref.name}: the input names no network.`, [
        ev('cluster.network', undefined),
      ]);
    const netName = lastSegment(network);
    const pools = cluster.nodePools ?? [];
    const nodeTags = new Set([
      ...pools.flatMap((p) => p.config?.tags ?? []),
      ...(cluster.nodePoolAutoConfig?.networkTags?.tags ?? []),
    ]);
    const nodeSas = new Set(pools.map((p) => effectiveServiceAccount(p.config?.serviceAccount)));
    // GKE tags every node `gke-<cluster>-<hash>-node` and writes its own rules with that tag.
    const gkeTag = (t: string) => t.startsWith(`gke-${ref.name}-`) && t.endsWith('-node');
    const targetsNodes = (r: ComputeFirewall) => {
      const tags = r.targetTags ?? [];
      const sas = r.targetServiceAccounts ?? [];
      if (tags.length === 0 && sas.length === 0) return true; // applies to every instance
      return tags.some((t) => nodeTags.has(t) || gkeTag(t)) || sas.some((s) => nodeSas.has(s));
    };
    const open = fw.value.filter(
      (r) =>
        (r.direction ?? 'INGRESS') === 'INGRESS' &&
        r.disabled !== true &&
        (r.allowed ?? []).length > 0 &&
        lastSegment(r.network ?? '') === netName &&
        (r.sourceRanges ?? []).some((c) => isOpenRange(c, config.gke.openCidrMinPrefix)) &&
        !isServiceRule(r) &&
        targetsNodes(r),
    );
    const evidence = open.map((r) =>
      ev(`parts.firewalls.value[name=${r.name ?? '?'}]`, {
        sourceRanges: r.sourceRanges,
        allowed: r.allowed,
        targetTags: r.targetTags,
        targetServiceAccounts: r.targetServiceAccounts,
      }),
    );
    if (open.length > 0) {
      return fail(
        `Cluster ${ref.name}: firewall rule(s) ${open.map((r) => r.name).join(', ')} on network ${netName} allow ingress from the internet to its nodes.`,
        evidence,
      );
    }
    const seen = [ev('parts.firewalls.value.length', fw.value.length)];
    return fw.incomplete
      ? unknown(`${fw.incomplete}.`, seen)
      : pass(
          `Cluster ${ref.name}: no enabled ingress rule on network ${netName} allows the internet to reach its nodes (${fw.value.length} rule(s) read).`,
          seen,
        );
  },
};
