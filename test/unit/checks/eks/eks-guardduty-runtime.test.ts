import { describe, expect, it } from 'vitest';
import { eksGuardDutyRuntime as check } from '../../../../checks/eks/eks-guardduty-runtime';
import { collected } from '../../../../core/snapshot';
import type { EksAddon, EksGuardDutyDetector } from '../../../../core/snapshot-eks';
import {
  describeAddonExample,
  describeClusterExample,
  eksSnapshot,
  evaluateOne,
} from '../../../builders/eks';
import { detectorWith } from '../../../builders/guardduty';

function snapshot(
  detector: EksGuardDutyDetector,
  addons?: EksAddon[],
  tags?: Record<string, string>,
) {
  const cluster = describeClusterExample();
  if (tags) cluster.tags = { ...cluster.tags, ...tags };
  return eksSnapshot(cluster, {
    guardDutyDetectors: collected([detector], ['guardduty:ListDetectors', 'guardduty:GetDetector']),
    ...(addons ? { addons: collected(addons, ['eks:ListAddons', 'eks:DescribeAddon']) } : {}),
  });
}

const agentAddon = (): EksAddon => ({
  ...describeAddonExample(),
  addonName: 'aws-guardduty-agent',
});

describe('eks-guardduty-runtime', () => {
  it('regression: passes the current RUNTIME_MONITORING feature with EKS add-on management (Prowler looks only at EKS_RUNTIME_MONITORING)', () => {
    const detector = detectorWith(
      { RUNTIME_MONITORING: 'ENABLED', EKS_RUNTIME_MONITORING: 'DISABLED' },
      'ENABLED',
    );
    const result = evaluateOne(check, snapshot(detector));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('RUNTIME_MONITORING');
  });

  it('passes the legacy EKS_RUNTIME_MONITORING feature with add-on management', () => {
    expect(
      evaluateOne(check, snapshot(detectorWith({ EKS_RUNTIME_MONITORING: 'ENABLED' }, 'ENABLED')))
        .status,
    ).toBe('pass');
  });

  it('fails when both runtime features are off', () => {
    const result = evaluateOne(
      check,
      snapshot(
        detectorWith({ RUNTIME_MONITORING: 'DISABLED', EKS_RUNTIME_MONITORING: 'DISABLED' }),
      ),
    );
    expect(result.status).toBe('fail');
  });

  it('with manual agent management, passes only if the cluster runs the agent add-on', () => {
    const detector = detectorWith({ RUNTIME_MONITORING: 'ENABLED' }, 'DISABLED');
    expect(
      evaluateOne(check, snapshot(detector, [describeAddonExample(), agentAddon()])).status,
    ).toBe('pass');
    const without = evaluateOne(check, snapshot(detector, [describeAddonExample()]));
    expect(without.status).toBe('fail');
    expect(without.message).toContain('no aws-guardduty-agent add-on');
    expect(evaluateOne(check, snapshot(detector)).status).toBe('unknown');
  });

  it('treats a cluster tagged GuardDutyManaged=false as outside automated agent management', () => {
    const detector = detectorWith({ RUNTIME_MONITORING: 'ENABLED' }, 'ENABLED');
    const result = evaluateOne(
      check,
      snapshot(detector, [describeAddonExample()], { GuardDutyManaged: 'false' }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('GuardDutyManaged=false');
  });

  it('is unknown when the detector reports no runtime feature at all', () => {
    expect(evaluateOne(check, snapshot(detectorWith({ EKS_AUDIT_LOGS: 'ENABLED' }))).status).toBe(
      'unknown',
    );
  });
});
