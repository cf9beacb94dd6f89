import type { AksCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import type { AzureDiagnosticSetting } from '../../core/snapshot-aks';

const PATH = 'parts.diagnosticSettings';
const AUDIT_CATEGORIES = new Set(['kube-audit', 'kube-audit-admin']);
/**
 * Category groups that contain kube-audit and kube-audit-admin on managedClusters
 * (Azure Monitor "Supported resource log categories for Microsoft.ContainerService/managedClusters").
 */
const AUDIT_GROUPS = new Set(['audit', 'alllogs']);

function hasDestination(setting: AzureDiagnosticSetting): boolean {
  const p = setting.properties ?? {};
  return Boolean(
    p.workspaceId || p.storageAccountId || p.eventHubAuthorizationRuleId || p.marketplacePartnerId,
  );
}

/** The enabled log entries of a setting that carry the Kubernetes audit log. */
function auditEntries(setting: AzureDiagnosticSetting): string[] {
  return (setting.properties?.logs ?? [])
    .filter((log) => log.enabled === true)
    .filter(
      (log) =>
        AUDIT_CATEGORIES.has((log.category ?? '').toLowerCase()) ||
        AUDIT_GROUPS.has((log.categoryGroup ?? '').toLowerCase()),
    )
    .map((log) => log.category ?? `group:${log.categoryGroup}`);
}

export const aksAuditLogs: AksCheck = {
  meta: {
    id: 'aks-audit-logs',
    provider: 'aks',
    title: 'AKS Kubernetes audit logs are exported by a diagnostic setting',
    severity: 'high',
    family: 'audit-logging',
    categories: ['logging'],
    risk: 'Without kube-audit or kube-audit-admin in a diagnostic setting, who did what in the cluster (secret reads, exec, RBAC changes) is not recorded anywhere you can query after an incident.',
    remediation: {
      summary:
        'Add a diagnostic setting on the cluster that sends kube-audit-admin (or kube-audit) and guard to Log Analytics, a storage account or Event Hubs.',
      cli: 'az monitor diagnostic-settings create --name aks-audit --resource <cluster-id> --workspace <workspace-id> --logs \'[{"category":"kube-audit-admin","enabled":true},{"category":"guard","enabled":true}]\'',
      iac: 'Bicep: resource Microsoft.Insights/diagnosticSettings scope: cluster, properties.logs: [{ category: \'kube-audit-admin\', enabled: true }]; Terraform azurerm_monitor_diagnostic_setting: enabled_log { category = "kube-audit-admin" }',
      url: 'https://learn.microsoft.com/azure/aks/monitor-aks#aks-control-planeresource-logs',
    },
    frameworks: { 'cis-aks-1.8.0': ['2.1.1'] },
    reads: ['insights:DiagnosticSettings.List'],
  },
  evaluate({ parts, ref }) {
    const read = readPart(
      parts.diagnosticSettings,
      `Diagnostic settings of cluster ${ref.name}`,
      PATH,
    );
    if (!read.ok) return read.outcome;
    const settings = read.value;
    // Only kube-audit / kube-audit-admin count: other categories (kube-apiserver, guard...) are not the audit log.
    const exporting = settings
      .map((s, i) => ({ s, i, entries: auditEntries(s) }))
      .filter((x) => x.entries.length > 0 && hasDestination(x.s));
    const evidence = settings.map((s, i) =>
      ev(`${PATH}[${i}].properties.logs`, s.properties?.logs),
    );
    if (exporting.length > 0) {
      const names = exporting.map((x) => `${x.s.name ?? x.i} (${x.entries.join(', ')})`);
      return pass(
        `Cluster ${ref.name} exports its audit log through diagnostic setting(s) ${names.join('; ')}.`,
        evidence,
      );
    }
    if (read.incomplete)
      return unknown(`${read.incomplete}; no audit-log setting was seen in the rest.`, evidence);
    return fail(
      settings.length === 0
        ? `Cluster ${ref.name} has no diagnostic settings, so its Kubernetes audit log is not kept.`
        : `Cluster ${ref.name} has ${settings.length} diagnostic setting(s), none exporting kube-audit or kube-audit-admin to a destination.`,
      evidence.length > 0 ? evidence : [ev(PATH, [])],
    );
  },
};
