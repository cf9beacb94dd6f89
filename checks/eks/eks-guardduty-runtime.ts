import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { type DetectorFeature, feature, readDetector } from './lib/guardduty';

const AGENT_ADDON = 'aws-guardduty-agent';

/** EKS_ADDON_MANAGEMENT of a runtime feature, with the path of its status. */
function agentManagement(
  f: DetectorFeature,
  path: string,
): { status: DetectorFeature['Status']; path: string } {
  const configs = f.AdditionalConfiguration ?? [];
  const index = configs.findIndex((c) => c.Name === 'EKS_ADDON_MANAGEMENT');
  return index >= 0
    ? { status: configs[index]?.Status, path: `${path}.AdditionalConfiguration[${index}].Status` }
    : { status: undefined, path: `${path}.AdditionalConfiguration` };
}

export const eksGuardDutyRuntime: EksCheck = {
  meta: {
    id: 'eks-guardduty-runtime',
    provider: 'eks',
    title: 'GuardDuty Runtime Monitoring covers the cluster (feature on and agent deployed)',
    severity: 'medium',
    family: 'runtime-threat-detection',
    categories: ['logging'],
    risk: 'Without runtime monitoring, process, file and network activity inside pods and nodes (crypto miners, reverse shells, container escapes) goes unseen.',
    remediation: {
      summary:
        'Enable GuardDuty Runtime Monitoring with automated agent management for EKS, or install the aws-guardduty-agent add-on on each cluster.',
      cli: 'aws guardduty update-detector --detector-id <detector-id> --features \'[{"Name":"RUNTIME_MONITORING","Status":"ENABLED","AdditionalConfiguration":[{"Name":"EKS_ADDON_MANAGEMENT","Status":"ENABLED"}]}]\'',
      iac: 'CDK (L1): guardduty.CfnDetector features: [{ name: "RUNTIME_MONITORING", status: "ENABLED", additionalConfiguration: [{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }] }]; Terraform aws_guardduty_detector_feature "RUNTIME_MONITORING" with additional_configuration { name = "EKS_ADDON_MANAGEMENT", status = "ENABLED" }',
      url: 'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
    },
    frameworks: { 'aws-securityhub': ['GuardDuty.7'] },
    reads: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'eks:ListAddons'],
  },
  evaluate(snapshot) {
    const { ref, cluster } = snapshot;
    const read = readDetector(snapshot);
    if (!read.ok) return read.outcome;
    const { detector, path } = read;
    // RUNTIME_MONITORING is the current feature; EKS_RUNTIME_MONITORING its EKS-only predecessor.
    const current = feature(detector, path, 'RUNTIME_MONITORING');
    const legacy = feature(detector, path, 'EKS_RUNTIME_MONITORING');
    const evidence: Evidence[] = [current, legacy].flatMap((f) =>
      f ? [ev(`${f.path}.Name`, f.feature.Name), ev(`${f.path}.Status`, f.feature.Status)] : [],
    );
    if (!current && !legacy) {
      return unknown(
        `GuardDuty detector ${detector.detectorId} in ${ref.region} reports neither RUNTIME_MONITORING nor EKS_RUNTIME_MONITORING.`,
        [ev(`${path}.Features`, detector.detector.Features)],
      );
    }
    const on = [current, legacy].find((f) => f?.feature.Status === 'ENABLED');
    if (!on) {
      return fail(
        `GuardDuty Runtime Monitoring is off in ${ref.region}, so cluster ${ref.name} is not monitored.`,
        evidence,
      );
    }
    const management = agentManagement(on.feature, on.path);
    const managed = management.status;
    evidence.push(ev(management.path, managed));
    // A cluster tagged GuardDutyManaged=false is excluded from automated agent management.
    const optedOut = cluster.tags?.['GuardDutyManaged'] === 'false';
    if (optedOut) evidence.push(ev('cluster.tags.GuardDutyManaged', 'false'));
    if (managed === 'ENABLED' && !optedOut) {
      return pass(
        `GuardDuty ${on.feature.Name} is enabled in ${ref.region} with automated agent management for EKS, which covers cluster ${ref.name}.`,
        evidence,
      );
    }
    const addons = readPart(
      snapshot.parts.addons,
      `Add-ons of cluster ${ref.name}`,
      'parts.addons.value',
    );
    if (!addons.ok) {
      return unknown(
        `GuardDuty ${on.feature.Name} is enabled without automated agent management for cluster ${ref.name}, and whether the ${AGENT_ADDON} add-on is installed cannot be told: ${addons.outcome.message}`,
        [...evidence, ...addons.outcome.evidence],
      );
    }
    const index = addons.value.findIndex((a) => a.addonName === AGENT_ADDON);
    evidence.push(
      ev(`parts.addons.value[${index}].addonName`, index >= 0 ? AGENT_ADDON : undefined),
    );
    if (index >= 0) {
      return pass(
        `GuardDuty ${on.feature.Name} is enabled and cluster ${ref.name} runs the ${AGENT_ADDON} add-on.`,
        evidence,
      );
    }
    if (addons.incomplete) {
      return unknown(
        `Cluster ${ref.name}: the ${AGENT_ADDON} add-on was not among the add-ons read, but ${addons.incomplete}.`,
        evidence,
      );
    }
    return fail(
      `GuardDuty ${on.feature.Name} is enabled in ${ref.region}, but cluster ${ref.name} has no ${AGENT_ADDON} add-on and ${optedOut ? 'is excluded from automated agent management (GuardDutyManaged=false)' : 'agent management is not automated'}: the cluster is not monitored.`,
      evidence,
    );
  },
};
