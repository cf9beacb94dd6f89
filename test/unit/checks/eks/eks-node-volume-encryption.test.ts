import { describe, expect, it } from 'vitest';
import { eksNodeVolumeEncryption as check } from '../../../../checks/eks/eks-node-volume-encryption';
import { collected } from '../../../../core/snapshot';
import { launchTemplateVersionsExample } from '../../../builders/ec2';
import {
  describeClusterExample,
  describeNodegroupExample,
  eksSnapshot,
  evaluate,
} from '../../../builders/eks';

function snapshot(options: { byDefault?: boolean; encrypted?: boolean; template?: boolean }) {
  const nodegroup = describeNodegroupExample();
  if (options.template !== false)
    nodegroup.launchTemplate = { id: 'lt-068f72b72934aff71', version: '3' };
  const versions = launchTemplateVersionsExample();
  if (options.encrypted !== undefined) {
    for (const v of versions) {
      if (v.LaunchTemplateData) {
        v.LaunchTemplateData.BlockDeviceMappings = [
          {
            DeviceName: '/dev/xvda',
            Ebs: { VolumeSize: 20, VolumeType: 'gp3', Encrypted: options.encrypted },
          },
        ];
      }
    }
  }
  return eksSnapshot(describeClusterExample(), {
    nodegroups: collected([nodegroup], ['eks:ListNodegroups', 'eks:DescribeNodegroup']),
    launchTemplateVersions: collected(versions, ['ec2:DescribeLaunchTemplateVersions']),
    ...(options.byDefault === undefined
      ? {}
      : {
          ebsEncryptionByDefault: collected(options.byDefault, ['ec2:GetEbsEncryptionByDefault']),
        }),
  });
}

describe('eks-node-volume-encryption', () => {
  it('passes when EBS encryption by default is on', () => {
    const [result] = evaluate(check, snapshot({ byDefault: true, template: false }));
    expect(result?.status).toBe('pass');
    expect(result?.evidence).toEqual([{ path: 'parts.ebsEncryptionByDefault.value', value: true }]);
  });

  it('passes a launch template whose volumes are encrypted', () => {
    expect(evaluate(check, snapshot({ byDefault: false, encrypted: true }))[0]?.status).toBe(
      'pass',
    );
  });

  it('fails unencrypted template volumes with encryption by default off', () => {
    const [result] = evaluate(check, snapshot({ byDefault: false, encrypted: false }));
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('/dev/xvda');
  });

  it('is unknown for unencrypted template volumes when the regional default was not read', () => {
    expect(evaluate(check, snapshot({ encrypted: false }))[0]?.status).toBe('unknown');
  });

  it('is unknown for the docs template (no volumes: the AMI decides) and for EKS-generated templates', () => {
    expect(evaluate(check, snapshot({ byDefault: false }))[0]?.status).toBe('unknown');
    expect(evaluate(check, snapshot({ byDefault: false, template: false }))[0]?.status).toBe(
      'unknown',
    );
  });
});
