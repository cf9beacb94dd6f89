import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { launchTemplateVersionOf } from './lib/launch-template';
import { eachNodegroup } from './lib/nodegroups';

const VERSIONS = 'parts.launchTemplateVersions.value';
const DEFAULT = 'parts.ebsEncryptionByDefault.value';

export const eksNodeVolumeEncryption: EksCheck = {
  meta: {
    id: 'eks-node-volume-encryption',
    provider: 'eks',
    title: 'EKS node volumes are encrypted',
    severity: 'medium',
    family: 'node-disk-encryption',
    categories: ['data-protection'],
    risk: 'Node volumes hold container images, emptyDir data, logs and sometimes copies of Secrets; unencrypted, they and their snapshots are readable by whoever gets hold of them.',
    remediation: {
      summary:
        'Turn on EBS encryption by default in the region, or set Encrypted=true on every block device of the node launch template, then roll the node groups.',
      cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>',
      iac: 'CDK: new ec2.LaunchTemplate(this, "Nodes", { blockDevices: [{ deviceName: "/dev/xvda", volume: ec2.BlockDeviceVolume.ebs(20, { encrypted: true }) }] }); Terraform aws_ebs_encryption_by_default { enabled = true }',
      url: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
    },
    frameworks: {},
    reads: [
      'eks:DescribeNodegroup',
      'ec2:GetEbsEncryptionByDefault',
      'ec2:DescribeLaunchTemplateVersions',
    ],
  },
  evaluate(snapshot) {
    const { ref, parts } = snapshot;
    const byDefault = parts.ebsEncryptionByDefault;
    const templates = parts.launchTemplateVersions;
    return eachNodegroup(snapshot, (nodegroup, path, subject) => {
      const name = `Node group ${subject.name} of cluster ${ref.name}`;
      const evidence: Evidence[] = [];
      if (byDefault.state === 'collected') {
        evidence.push(ev(DEFAULT, byDefault.value));
        // Every new volume in the region is encrypted, whatever the template says.
        if (byDefault.value)
          return pass(
            `${name}: EBS encryption by default is on in ${ref.region}.`,
            evidence,
            subject,
          );
      }
      if (!nodegroup.launchTemplate) {
        return unknown(
          `${name} uses the launch template EKS generates, whose volume settings DescribeNodegroup does not show, and EBS encryption by default is ${byDefault.state === 'collected' ? 'off' : 'not known'}.`,
          [...evidence, ev(`${path}.launchTemplate`, undefined)],
          subject,
        );
      }
      const read = readPart(templates, `Launch template of ${name}`, VERSIONS);
      if (!read.ok) return { ...read.outcome, subject };
      const found = launchTemplateVersionOf(nodegroup, read.value);
      if (!found) {
        return unknown(
          `${name}: its launch template version was not collected.`,
          [...evidence, ev(`${path}.launchTemplate`, nodegroup.launchTemplate)],
          subject,
        );
      }
      const at = `${VERSIONS}[${found.index}].LaunchTemplateData.BlockDeviceMappings`;
      const mappings = (found.version.LaunchTemplateData?.BlockDeviceMappings ?? []).filter(
        (m) => m.Ebs,
      );
      evidence.push(ev(at, found.version.LaunchTemplateData?.BlockDeviceMappings));
      const plain = mappings
        .filter((m) => m.Ebs?.Encrypted !== true)
        .map((m) => m.DeviceName ?? '(unnamed)');
      if (plain.length > 0 && byDefault.state !== 'collected') {
        return unknown(
          `${name}: launch template volumes ${plain.join(', ')} do not ask for encryption, and whether EBS encryption by default is on was not read (${byDefault.state === 'failed' ? 'ec2:GetEbsEncryptionByDefault failed' : 'not collected'}).`,
          evidence,
          subject,
        );
      }
      if (plain.length > 0) {
        return fail(
          `${name}: launch template volumes ${plain.join(', ')} are not encrypted and EBS encryption by default is off.`,
          evidence,
          subject,
        );
      }
      if (mappings.length === 0) {
        // Without mappings the AMI's snapshots decide, which the launch template does not show.
        return unknown(
          `${name}: the launch template sets no EBS volumes, so the AMI's block devices decide.`,
          evidence,
          subject,
        );
      }
      return pass(`${name}: every launch template volume is encrypted.`, evidence, subject);
    });
  },
};
