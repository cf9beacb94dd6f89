import { describe, expect, it } from 'vitest';
import { eksDefaultVpc as check } from '../../../../checks/eks/eks-default-vpc';
import { collected } from '../../../../core/snapshot';
import type { EksVpc } from '../../../../core/snapshot-eks';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';
import { fixture } from '../../../fixture';

const vpcs = () => fixture<{ Vpcs: EksVpc[] }>('aws/ec2/describe-vpcs.1.json').Vpcs;
const withVpc = (vpc: EksVpc) =>
  eksSnapshot(describeClusterExample(), { vpc: collected(vpc, ['ec2:DescribeVpcs']) });

describe('eks-default-vpc', () => {
  it('passes the docs non-default VPC', () => {
    const vpc = vpcs().find((v) => v.IsDefault === false);
    const result = evaluateOne(check, withVpc(vpc ?? {}));
    expect(result.status).toBe('pass');
    expect(result.evidence).toContainEqual({ path: 'parts.vpc.value.IsDefault', value: false });
  });

  it('fails a default VPC (the docs VPC with IsDefault=true)', () => {
    const [vpc] = vpcs();
    expect(evaluateOne(check, withVpc({ ...vpc, IsDefault: true })).status).toBe('fail');
  });

  it('is unknown when the VPC was not described or lacks IsDefault', () => {
    expect(evaluateOne(check, eksSnapshot()).message).toContain('ec2:DescribeVpcs');
    expect(evaluateOne(check, withVpc({ VpcId: 'vpc-0012b8e1cc0abb17d' })).status).toBe('unknown');
  });
});
