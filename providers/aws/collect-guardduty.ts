import {
  GetDetectorCommand,
  type GuardDutyClient,
  paginateListDetectors,
} from '@aws-sdk/client-guardduty';
import type { Part } from '../../core/snapshot';
import type { EksGuardDutyDetector } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { allPages, listThenDescribe } from './list-then-describe';

/**
 * guardduty:ListDetectors (every page) → GetDetector of each, in the client's account and
 * region (a region has at most one detector). The response keeps `Features` (current names
 * such as RUNTIME_MONITORING, EKS_AUDIT_LOGS) and the deprecated `DataSources.Kubernetes`.
 */
export function collectGuardDutyDetectors(
  guardDuty: GuardDutyClient,
): Promise<Part<EksGuardDutyDetector[]>> {
  return listThenDescribe({
    listOperation: 'guardduty:ListDetectors',
    describeOperation: 'guardduty:GetDetector',
    list: () => allPages(paginateListDetectors({ client: guardDuty }, {}), (p) => p.DetectorIds),
    nameOf: (id: string) => id,
    describe: async (detectorId: string) => {
      const { $metadata: _, ...detector } = await guardDuty.send(
        new GetDetectorCommand({ DetectorId: detectorId }),
      );
      return { detectorId, detector: toWire(detector) };
    },
  });
}
