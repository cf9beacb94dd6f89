import { describe, expect, it } from 'vitest';
import { eksNodeImdsv2Hoplimit as check } from '../../../../checks/eks/eks-node-imdsv2-hoplimit';
import { collected } from '../../../../core/snapshot';
import type { EksLaunchTemplateVersion } from '../../../../core/snapshot-eks';
import { launchTemplateVersionsExample } from '../../../builders/ec2';
import {
  describeClusterExample,
  describeNodegroupExample,
  eksSnapshot,
  evaluate,
} from '../../../builders/eks';

const LT = 'lt-068f72b72934aff71';
type MetadataOptions = NonNullable<
  NonNullable<EksLaunchTemplateVersion['LaunchTemplateData']>['MetadataOptions']
>;

function snapshot(
  version: string | undefined,
  options?: MetadataOptions,
  versions = launchTemplateVersionsExample(),
) {
  const nodegroup = describeNodegroupExample();
  nodegroup.launchTemplate = { id: LT, ...(version === undefined ? {} : { version }) };
  if (options) {
    for (const v of versions) {
      if (v.LaunchTemplateData) v.LaunchTemplateData.MetadataOptions = options;
    }
  }
  return eksSnapshot(describeClusterExample(), {
    nodegroups: collected([nodegroup], ['eks:ListNodegroups', 'eks:DescribeNodegroup']),
    launchTemplateVersions: collected<EksLaunchTemplateVersion[]>(versions, [
      'ec2:DescribeLaunchTemplateVersions',
    ]),
  });
}

describe('eks-node-imdsv2-hoplimit', () => {
  it('passes a launch template requiring IMDSv2 with hop limit 1', () => {
    const [result] = evaluate(
      check,
      snapshot('3', { HttpTokens: 'required', HttpPutResponseHopLimit: 1 }),
    );
    expect(result?.status).toBe('pass');
    expect(result?.evidence).toContainEqual({
      path: 'parts.launchTemplateVersions.value[0].LaunchTemplateData.MetadataOptions.HttpTokens',
      value: 'required',
    });
  });

  it('fails IMDSv1 (HttpTokens optional) and a hop limit of 2', () => {
    const [v1] = evaluate(
      check,
      snapshot('3', { HttpTokens: 'optional', HttpPutResponseHopLimit: 1 }),
    );
    expect(v1?.status).toBe('fail');
    expect(v1?.message).toContain('HttpTokens=optional');
    const [hops] = evaluate(
      check,
      snapshot('3', { HttpTokens: 'required', HttpPutResponseHopLimit: 2 }),
    );
    expect(hops?.message).toContain('HttpPutResponseHopLimit=2');
  });

  it('resolves $Default and $Latest to the right version', () => {
    const versions = launchTemplateVersionsExample();
    const v1 = versions.find((v) => v.VersionNumber === 1);
    if (v1?.LaunchTemplateData) v1.LaunchTemplateData.MetadataOptions = { HttpTokens: 'optional' };
    const v3 = versions.find((v) => v.VersionNumber === 3);
    if (v3?.LaunchTemplateData)
      v3.LaunchTemplateData.MetadataOptions = {
        HttpTokens: 'required',
        HttpPutResponseHopLimit: 1,
      };
    expect(evaluate(check, snapshot('$Default', undefined, versions))[0]?.status).toBe('fail');
    expect(evaluate(check, snapshot('$Latest', undefined, versions))[0]?.status).toBe('pass');
  });

  it('is unknown when the docs template leaves metadata options unset (AMI or account default decides)', () => {
    const [result] = evaluate(check, snapshot('3'));
    expect(result?.status).toBe('unknown');
    expect(result?.message).toContain('HttpTokens and HttpPutResponseHopLimit');
  });

  it('is unknown for a node group without its own launch template, and when versions were not collected', () => {
    const plain = eksSnapshot(describeClusterExample(), {
      nodegroups: collected(
        [describeNodegroupExample()],
        ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
      ),
    });
    expect(evaluate(check, plain)[0]?.status).toBe('unknown');
    const nodegroup = describeNodegroupExample();
    nodegroup.launchTemplate = { id: LT, version: '3' };
    const missing = eksSnapshot(describeClusterExample(), {
      nodegroups: collected([nodegroup], ['eks:ListNodegroups', 'eks:DescribeNodegroup']),
    });
    const [result] = evaluate(check, missing);
    expect(result?.message).toContain('ec2:DescribeLaunchTemplateVersions');
    expect(result?.subject?.name).toBe('my-eks-nodegroup');
  });
});
