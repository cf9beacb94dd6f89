import type { EksCheck } from '../../core/check';
import { ev, fail, notApplicable, pass } from '../../core/outcome';
import { eachNodegroup } from './lib/nodegroups';

export const eksNodegroupSshOpen: EksCheck = {
  meta: {
    id: 'eks-nodegroup-ssh-open',
    provider: 'eks',
    title: 'EKS managed node groups with SSH access restrict it to source security groups',
    severity: 'high',
    family: 'node-remote-access',
    categories: ['network'],
    risk: 'A managed node group with an SSH key and no source security groups gets port 22 (3389 on Windows) opened to 0.0.0.0/0 by EKS: every node is exposed to internet-wide brute force and exploit scans.',
    remediation: {
      summary:
        'Recreate the node group without remote access (use SSM Session Manager), or with sourceSecurityGroups limited to a bastion; remote access cannot be changed on an existing node group.',
      cli: 'aws eks create-nodegroup --cluster-name <cluster> --nodegroup-name <nodegroup> --remote-access ec2SshKey=<key>,sourceSecurityGroups=<sg-id> ...',
      iac: 'CDK: nodegroup remoteAccess: { sshKeyName, sourceSecurityGroups: [bastionSg] }; Terraform aws_eks_node_group: remote_access { ec2_ssh_key = ..., source_security_group_ids = [...] }',
      url: 'https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html',
    },
    frameworks: {},
    reads: ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
  },
  evaluate(snapshot) {
    const cluster = snapshot.ref.name;
    return eachNodegroup(snapshot, (nodegroup, path, subject) => {
      const remote = nodegroup.remoteAccess;
      const key = remote?.ec2SshKey;
      const sources = remote?.sourceSecurityGroups;
      const evidence = [ev(`${path}.remoteAccess.ec2SshKey`, key)];
      const name = `Node group ${subject.name} of cluster ${cluster}`;
      if (nodegroup.launchTemplate && !remote) {
        // Remote access cannot be combined with a launch template: EKS opens no SSH port;
        // the template's own security groups are judged by the security-group checks.
        return notApplicable(
          `${name} uses a launch template, so EKS manages no remote access for it.`,
          [...evidence, ev(`${path}.launchTemplate`, nodegroup.launchTemplate)],
          subject,
        );
      }
      if (!key)
        return pass(
          `${name} has no SSH key, so EKS opens no remote access port.`,
          evidence,
          subject,
        );
      evidence.push(ev(`${path}.remoteAccess.sourceSecurityGroups`, sources));
      // API RemoteAccessConfig: with a key but no source security group, "the port on the
      // nodes is opened to the internet (0.0.0.0/0)".
      return sources && sources.length > 0
        ? pass(
            `${name} allows SSH with key ${key} only from security groups ${sources.join(', ')}.`,
            evidence,
            subject,
          )
        : fail(
            `${name} has SSH key ${key} and no source security groups: EKS opened port 22 (3389 on Windows) to 0.0.0.0/0.`,
            evidence,
            subject,
          );
    });
  },
};
