import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, readPart } from '../../core/outcome';

const SERVICES = new Set(['container.googleapis.com', 'allServices']);
const REQUIRED = ['DATA_READ', 'DATA_WRITE'] as const;

export const gkeK8sDataAccessAudit: GkeCheck = {
  meta: {
    id: 'gke-k8s-data-access-audit',
    provider: 'gke',
    title: 'Data Access audit logs are enabled for the Kubernetes Engine API',
    severity: 'medium',
    family: 'audit-logging',
    categories: ['logging'],
    risk: 'Admin Activity logs record only writes: without Data Access logs, reads of Secrets, ConfigMaps and Pod specs through the Kubernetes API leave no audit record.',
    remediation: {
      summary:
        'Enable DATA_READ and DATA_WRITE audit logs for container.googleapis.com (or allServices) in the project, folder or organization IAM policy.',
      cli: 'gcloud projects get-iam-policy <project> > policy.yaml; add auditConfigs { service: container.googleapis.com, auditLogConfigs: [DATA_READ, DATA_WRITE] }; gcloud projects set-iam-policy <project> policy.yaml',
      iac: 'Terraform google_project_iam_audit_config: service = "container.googleapis.com", audit_log_config { log_type = "DATA_READ" } audit_log_config { log_type = "DATA_WRITE" }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/audit-logging',
    },
    frameworks: {},
    reads: ['cloudresourcemanager:projects.getIamPolicy'],
  },
  evaluate({ ref, parts }) {
    const policy = readPart(parts.iamPolicy, 'The project IAM policy', 'parts.iamPolicy');
    if (!policy.ok) return policy.outcome;
    const configs = (policy.value.auditConfigs ?? []).filter(
      (c) => c.service && SERVICES.has(c.service),
    );
    const on = new Set(configs.flatMap((c) => (c.auditLogConfigs ?? []).map((l) => l.logType)));
    const evidence = [
      ev('parts.iamPolicy.value.auditConfigs', configs.length > 0 ? configs : undefined),
    ];
    const missing = REQUIRED.filter((t) => !on.has(t));
    // Project getIamPolicy does not return folder/organization audit configs; the message says so.
    return missing.length === 0
      ? pass(
          `Project ${ref.account} (cluster ${ref.name}) enables Data Access audit logs for the Kubernetes Engine API.`,
          evidence,
        )
      : fail(
          `Project ${ref.account} (cluster ${ref.name}) does not enable ${missing.join(' and ')} audit logs for container.googleapis.com in its IAM policy (folder or organization settings are not read).`,
          evidence,
        );
  },
};
