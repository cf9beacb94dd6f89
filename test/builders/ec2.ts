import type { EksLaunchTemplateVersion, EksSubnet } from '../../core/snapshot-eks';
import { fixture } from '../fixture';

/** The AWS CLI docs' DescribeLaunchTemplateVersions example (lt-068f72b72934aff71, versions 3, 2, 1). */
export function launchTemplateVersionsExample(): EksLaunchTemplateVersion[] {
  return fixture<{ LaunchTemplateVersions: EksLaunchTemplateVersion[] }>(
    'aws/ec2/describe-launch-template-versions.json',
  ).LaunchTemplateVersions;
}

/** The AWS CLI docs' DescribeSubnets example: default subnet `subnet-8EXAMPLE` with MapPublicIpOnLaunch. */
export function subnetExample(): EksSubnet {
  const [subnet] = fixture<{ Subnets: EksSubnet[] }>('aws/ec2/describe-subnets.2.json').Subnets;
  if (!subnet) throw new Error('describe-subnets.2.json has no subnet');
  return subnet;
}
