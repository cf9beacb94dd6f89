import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { feature, readDetector } from './lib/guardduty';

export const eksGuardDutyAuditLogs: EksCheck = {
  meta: {
    id: 'eks-guardduty-audit-logs',
    provider: 'eks',
    title: 'GuardDuty EKS Audit Log Monitoring is on in the cluster region',
    severity: 'high',
    family: 'threat-detection',
    categories: ['logging'],
    risk: 'Without EKS Audit Log Monitoring nobody is alerted to anonymous access, exposed dashboards, privileged pods or known-malicious callers in the Kubernetes audit log.',
    remediation: {
      summary:
        'Enable the EKS_AUDIT_LOGS feature of the GuardDuty detector in every region with clusters (through the delegated administrator for an organization).',
      cli: 'aws guardduty update-detector --detector-id <detector-id> --features \'[{"Name":"EKS_AUDIT_LOGS","Status":"ENABLED"}]\'',
      iac: 'CDK (L1): guardduty.CfnDetector features: [{ name: "EKS_AUDIT_LOGS", status: "ENABLED" }]; Terraform aws_guardduty_detector_feature: name = "EKS_AUDIT_LOGS", status = "ENABLED"',
      url: 'https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html',
    },
    frameworks: { 'aws-securityhub': ['GuardDuty.5'] },
    reads: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  },
  evaluate(snapshot) {
    const { ref } = snapshot;
    const read = readDetector(snapshot);
    if (!read.ok) return read.outcome;
    const { detector, path } = read;
    const current = feature(detector, path, 'EKS_AUDIT_LOGS');
    if (current) {
      const status = current.feature.Status;
      const evidence = [
        ev(`${current.path}.Name`, 'EKS_AUDIT_LOGS'),
        ev(`${current.path}.Status`, status),
      ];
      return status === 'ENABLED'
        ? pass(
            `GuardDuty EKS Audit Log Monitoring is enabled in ${ref.region} for cluster ${ref.name}.`,
            evidence,
          )
        : fail(
            `GuardDuty EKS Audit Log Monitoring is ${status ?? 'not enabled'} in ${ref.region}, so cluster ${ref.name}'s audit log is not analysed.`,
            evidence,
          );
    }
    // Detectors described before the features API report the legacy data source only.
    const legacyPath = `${path}.DataSources.Kubernetes.AuditLogs.Status`;
    const legacy = detector.detector.DataSources?.Kubernetes?.AuditLogs?.Status;
    if (legacy === undefined) {
      return unknown(
        `GuardDuty detector ${detector.detectorId} in ${ref.region} reports neither the EKS_AUDIT_LOGS feature nor the Kubernetes audit logs data source.`,
        [ev(`${path}.Features`, detector.detector.Features), ev(legacyPath, legacy)],
      );
    }
    return legacy === 'ENABLED'
      ? pass(
          `GuardDuty Kubernetes audit log monitoring (legacy data source) is enabled in ${ref.region} for cluster ${ref.name}.`,
          [ev(legacyPath, legacy)],
        )
      : fail(
          `GuardDuty Kubernetes audit log monitoring (legacy data source) is ${legacy} in ${ref.region}.`,
          [ev(legacyPath, legacy)],
        );
  },
};
