import type { Outcome } from '../../../core/check';
import { ev, fail, readPart } from '../../../core/outcome';
import type { EksGuardDutyDetector, EksSnapshot } from '../../../core/snapshot-eks';

export const DETECTORS = 'parts.guardDutyDetectors.value';

export type DetectorFeature = NonNullable<EksGuardDutyDetector['detector']['Features']>[number];

/**
 * The enabled GuardDuty detector of the cluster's account and region, or the outcome when there
 * is none (fail), it is suspended (fail) or it could not be read (unknown). A region has at most
 * one detector.
 */
export function readDetector(
  snapshot: EksSnapshot,
): { ok: true; detector: EksGuardDutyDetector; path: string } | { ok: false; outcome: Outcome } {
  const { ref } = snapshot;
  const read = readPart(
    snapshot.parts.guardDutyDetectors,
    `GuardDuty detectors of ${ref.account} in ${ref.region}`,
    DETECTORS,
  );
  if (!read.ok) return read;
  const [detector] = read.value;
  if (!detector) {
    return {
      ok: false,
      outcome: fail(
        `GuardDuty has no detector in account ${ref.account}, region ${ref.region}, where cluster ${ref.name} runs.`,
        [ev(DETECTORS, read.value)],
      ),
    };
  }
  const path = `${DETECTORS}[0].detector`;
  if (detector.detector.Status !== 'ENABLED') {
    return {
      ok: false,
      outcome: fail(
        `GuardDuty detector ${detector.detectorId} in ${ref.region} is ${detector.detector.Status ?? 'of unknown status'}, so it does not watch cluster ${ref.name}.`,
        [ev(`${path}.Status`, detector.detector.Status)],
      ),
    };
  }
  return { ok: true, detector, path };
}

/** A detector feature by name, with its path. */
export function feature(
  detector: EksGuardDutyDetector,
  path: string,
  name: string,
): { feature: DetectorFeature; path: string } | undefined {
  const features = detector.detector.Features ?? [];
  const index = features.findIndex((f) => f.Name === name);
  const found = features[index];
  return found ? { feature: found, path: `${path}.Features[${index}]` } : undefined;
}
