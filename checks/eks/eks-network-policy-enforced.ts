import { parse } from 'yaml';
import type { EksCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';

const ADDONS = 'parts.addons.value';

/** `enableNetworkPolicy` from the add-on's configurationValues (a JSON or YAML string). */
function readEnableNetworkPolicy(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    // JSON is YAML, so one parser reads both forms the API accepts.
    const doc: unknown = parse(text);
    if (doc === null || doc === undefined) return { ok: true, value: undefined };
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      return { ok: false, error: 'configurationValues is not an object' };
    }
    return { ok: true, value: (doc as Record<string, unknown>)['enableNetworkPolicy'] };
  } catch (error) {
    return { ok: false, error: `configurationValues does not parse: ${(error as Error).message}` };
  }
}

export const eksNetworkPolicyEnforced: EksCheck = {
  meta: {
    id: 'eks-network-policy-enforced',
    provider: 'eks',
    title: 'EKS cluster enforces Kubernetes NetworkPolicies (VPC CNI network policy enabled)',
    severity: 'medium',
    family: 'network-policy',
    categories: ['network'],
    risk: 'Without an enforcing engine, NetworkPolicy objects are accepted but ignored: every pod can reach every other pod and the node metadata endpoints, so one compromised pod can move laterally through the cluster.',
    remediation: {
      summary:
        'Turn on network policy enforcement in the Amazon VPC CNI managed add-on (enableNetworkPolicy "true"), or run another enforcing CNI such as Calico or Cilium.',
      cli: 'aws eks update-addon --cluster-name <cluster> --addon-name vpc-cni --configuration-values \'{"enableNetworkPolicy":"true"}\'',
      iac: 'CDK: new eks.CfnAddon(this, "VpcCni", { addonName: "vpc-cni", configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }) }); Terraform aws_eks_addon "vpc-cni": configuration_values = jsonencode({ enableNetworkPolicy = "true" })',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['4.3.1', '5.4.4'] },
    reads: ['eks:DescribeCluster', 'eks:ListAddons', 'eks:DescribeAddon'],
  },
  evaluate({ cluster, ref, parts }) {
    const autoMode = cluster.computeConfig?.enabled;
    if (autoMode === true) {
      // Auto Mode runs its own managed CNI; policy enforcement is switched on by the
      // amazon-vpc-cni ConfigMap and the NodeClass inside the cluster, not through the EKS API.
      return unknown(
        `Cluster ${ref.name} runs EKS Auto Mode, whose network policy enforcement is configured inside the cluster (amazon-vpc-cni ConfigMap, NodeClass) and cannot be read through the EKS API.`,
        [ev('cluster.computeConfig.enabled', autoMode)],
      );
    }
    const read = readPart(parts.addons, `Add-ons of cluster ${ref.name}`, ADDONS);
    if (!read.ok) return read.outcome;
    const index = read.value.findIndex((a) => a.addonName === 'vpc-cni');
    const addon = read.value[index];
    if (!addon) {
      const names = read.value.map((a) => a.addonName).join(', ') || 'none';
      const evidence = [
        ev(
          `${ADDONS}[].addonName`,
          read.value.map((a) => a.addonName),
        ),
      ];
      const message = `Cluster ${ref.name} has no vpc-cni managed add-on (add-ons: ${names}): its CNI is self-managed or third-party, and whether it enforces NetworkPolicies is configured inside the cluster.`;
      // A partial add-on list might be missing the vpc-cni entry itself.
      return unknown(read.incomplete ? `${message} ${read.incomplete}.` : message, evidence);
    }
    const path = `${ADDONS}[${index}].configurationValues`;
    const text = addon.configurationValues;
    const value =
      text === undefined ? { ok: true as const, value: undefined } : readEnableNetworkPolicy(text);
    const evidence = [ev(path, text)];
    if (!value.ok) {
      return unknown(`Cluster ${ref.name}: the vpc-cni add-on's ${value.error}.`, evidence);
    }
    // The add-on schema types the flag as the string "true"/"false"; accept a YAML boolean too.
    return value.value === 'true' || value.value === true
      ? pass(
          `Cluster ${ref.name} has network policy enforcement on in the vpc-cni add-on (enableNetworkPolicy=true).`,
          evidence,
        )
      : fail(
          `Cluster ${ref.name} does not enforce NetworkPolicies: the vpc-cni add-on's enableNetworkPolicy is ${value.value === undefined ? 'not set (default false)' : JSON.stringify(value.value)}.`,
          evidence,
        );
  },
};
