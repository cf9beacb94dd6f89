import type { EksLaunchTemplateVersion } from '../../core/snapshot-eks';
import { fixture } from '../fixture';

/** The AWS CLI docs' DescribeLaunchTemplateVersions example (lt-068f72b72934aff71, versions 3, 2, 1). */
export function launchTemplateVersionsExample(): EksLaunchTemplateVersion[] {
  return fixture<{ LaunchTemplateVersions: EksLaunchTemplateVersion[] }>(
    'aws/ec2/describe-launch-template-versions.json',
  ).LaunchTemplateVersions;
}
