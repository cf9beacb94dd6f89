import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { agentPools, poolPath, poolSubject } from './support/pools';

export const aksNodeSsh: AksCheck = {
  meta: {
    id: 'aks-node-ssh',
    provider: 'aks',
    title: 'AKS agent pools have SSH access disabled',
    severity: 'medium',
    family: 'node-remote-access',
    categories: ['iam', 'network'],
    risk: 'SSH with a local user key gives root-capable shell access to nodes outside Kubernetes RBAC and audit logging; a leaked key reaches every node of the pool.',
    remediation: {
      summary: 'Disable SSH on the agent pools; debug nodes with `kubectl debug node/...` instead.',
      cli: 'az aks nodepool update --resource-group <rg> --cluster-name <cluster> --name <pool> --ssh-access disabled',
      iac: 'Bicep: agentPoolProfiles[].securityProfile.sshAccess: \'Disabled\'; Terraform azapi_update_resource body.properties.securityProfile.sshAccess = "Disabled"',
      url: 'https://learn.microsoft.com/azure/aks/manage-ssh-node-access',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const read = agentPools(cluster, ref.name);
    if (!read.ok) return read.outcome;
    return read.pools.map((pool, i) => {
      const value = pool.securityProfile?.sshAccess;
      const subject = poolSubject(pool, i);
      const evidence = [ev(poolPath(i, 'securityProfile.sshAccess'), value)];
      // Unset means the default, LocalUser (key-based SSH on).
      if (value === undefined || value === 'LocalUser') {
        return fail(
          `Agent pool ${subject.name} of cluster ${ref.name} allows SSH with local user keys (sshAccess=${value ?? 'unset, default LocalUser'}).`,
          evidence,
          subject,
        );
      }
      return pass(
        `Agent pool ${subject.name} of cluster ${ref.name} has sshAccess=${value}.`,
        evidence,
        subject,
      );
    });
  },
};
