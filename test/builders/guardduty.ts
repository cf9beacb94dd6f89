import type { EksGuardDutyDetector } from '../../core/snapshot-eks';

type Detector = EksGuardDutyDetector['detector'];
type Feature = NonNullable<Detector['Features']>[number];

/**
 * A GetDetector response in the shape of the GuardDuty API model (2017-11-28): an enabled
 * detector whose `Features` are given (name → status, with EKS_ADDON_MANAGEMENT for the
 * runtime features when `agent` is set).
 */
export function detectorWith(
  features: Record<string, 'ENABLED' | 'DISABLED'>,
  agent?: 'ENABLED' | 'DISABLED',
): EksGuardDutyDetector {
  const list: Feature[] = Object.entries(features).map(([name, status]) => ({
    Name: name as Feature['Name'],
    Status: status,
    UpdatedAt: '2026-01-05T10:00:00.000Z',
    ...(agent && name.includes('RUNTIME_MONITORING')
      ? {
          AdditionalConfiguration: [
            { Name: 'EKS_ADDON_MANAGEMENT', Status: agent, UpdatedAt: '2026-01-05T10:00:00.000Z' },
          ],
        }
      : {}),
  }));
  return {
    detectorId: '12abc34d567e8fa901bc2d34e56789f0',
    detector: {
      CreatedAt: '2024-03-14T15:00:00.000Z',
      FindingPublishingFrequency: 'SIX_HOURS',
      ServiceRole:
        'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      Status: 'ENABLED',
      UpdatedAt: '2026-01-05T10:00:00.000Z',
      Features: list,
      Tags: {},
    },
  };
}
