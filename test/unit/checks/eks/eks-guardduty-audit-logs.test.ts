import { describe, expect, it } from 'vitest';
import { eksGuardDutyAuditLogs as check } from '../../../../checks/eks/eks-guardduty-audit-logs';
import { collected, failed } from '../../../../core/snapshot';
import type { EksGuardDutyDetector } from '../../../../core/snapshot-eks';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';
import { detectorWith } from '../../../builders/guardduty';

const OPS = ['guardduty:ListDetectors', 'guardduty:GetDetector'];
const withDetectors = (detectors: EksGuardDutyDetector[]) =>
  eksSnapshot(describeClusterExample(), { guardDutyDetectors: collected(detectors, OPS) });

describe('eks-guardduty-audit-logs', () => {
  it('passes when EKS_AUDIT_LOGS is enabled', () => {
    const result = evaluateOne(
      check,
      withDetectors([detectorWith({ CLOUD_TRAIL: 'ENABLED', EKS_AUDIT_LOGS: 'ENABLED' })]),
    );
    expect(result.status).toBe('pass');
    expect(result.evidence).toContainEqual({
      path: 'parts.guardDutyDetectors.value[0].detector.Features[1].Status',
      value: 'ENABLED',
    });
  });

  it('fails when EKS_AUDIT_LOGS is disabled', () => {
    expect(
      evaluateOne(check, withDetectors([detectorWith({ EKS_AUDIT_LOGS: 'DISABLED' })])).status,
    ).toBe('fail');
  });

  it('fails when the region has no detector, or a suspended one', () => {
    const none = evaluateOne(check, withDetectors([]));
    expect(none.status).toBe('fail');
    expect(none.message).toContain('no detector in account 111122223333, region us-east-2');
    const suspended = detectorWith({ EKS_AUDIT_LOGS: 'ENABLED' });
    suspended.detector.Status = 'DISABLED';
    expect(evaluateOne(check, withDetectors([suspended])).status).toBe('fail');
  });

  it('reads the legacy Kubernetes audit logs data source when Features are absent', () => {
    const detector = detectorWith({});
    delete detector.detector.Features;
    detector.detector.DataSources = {
      CloudTrail: { Status: 'ENABLED' },
      DNSLogs: { Status: 'ENABLED' },
      FlowLogs: { Status: 'ENABLED' },
      S3Logs: { Status: 'ENABLED' },
      Kubernetes: { AuditLogs: { Status: 'ENABLED' } },
    };
    expect(evaluateOne(check, withDetectors([detector])).status).toBe('pass');
    detector.detector.DataSources.Kubernetes = { AuditLogs: { Status: 'DISABLED' } };
    expect(evaluateOne(check, withDetectors([detector])).status).toBe('fail');
  });

  it('is unknown when the detector reports neither form, or could not be read', () => {
    expect(
      evaluateOne(check, withDetectors([detectorWith({ CLOUD_TRAIL: 'ENABLED' })])).status,
    ).toBe('unknown');
    expect(evaluateOne(check, eksSnapshot()).status).toBe('unknown');
    const snapshot = eksSnapshot(describeClusterExample(), {
      guardDutyDetectors: failed([
        { operation: 'guardduty:ListDetectors', code: 'AccessDeniedException', message: 'no' },
      ]),
    });
    expect(evaluateOne(check, snapshot).message).toContain('guardduty:ListDetectors failed');
  });
});
