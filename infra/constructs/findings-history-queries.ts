/**
 * The Glue columns of the findings history (the JSON Lines that `outputs/findings-lines.ts`
 * writes; a test keeps both lists equal) and the saved Athena queries over them.
 */

export const HISTORY_COLUMNS: readonly { name: string; type: string; comment: string }[] = [
  { name: 'run_id', type: 'string', comment: 'The audit run' },
  { name: 'observed_at', type: 'string', comment: 'ISO 8601 time the run published' },
  { name: 'id', type: 'string', comment: 'Deterministic finding id (stable across runs)' },
  { name: 'check_id', type: 'string', comment: 'Check id, e.g. eks-endpoint-public-access' },
  { name: 'provider', type: 'string', comment: 'eks | gke | aks' },
  { name: 'cloud', type: 'string', comment: 'aws | gcp | azure' },
  { name: 'account', type: 'string', comment: 'AWS account, GCP project or Azure subscription' },
  { name: 'region', type: 'string', comment: 'Region or location' },
  { name: 'resource_id', type: 'string', comment: 'Cluster ARN, GKE name or ARM id' },
  { name: 'resource_name', type: 'string', comment: 'Cluster name' },
  { name: 'subject_type', type: 'string', comment: 'Sub-resource type, null for the cluster' },
  { name: 'subject_id', type: 'string', comment: 'Sub-resource id' },
  { name: 'subject_name', type: 'string', comment: 'Sub-resource name' },
  { name: 'status', type: 'string', comment: 'pass | fail | unknown | not_applicable' },
  { name: 'severity', type: 'string', comment: 'critical | high | medium | low | informational' },
  { name: 'title', type: 'string', comment: 'The compliant state' },
  { name: 'message', type: 'string', comment: 'Resource and deciding value' },
  { name: 'family', type: 'string', comment: 'Control family shared by the clouds' },
  { name: 'categories', type: 'array<string>', comment: 'Check categories' },
  { name: 'requirements', type: 'array<string>', comment: 'framework:requirement pairs' },
  { name: 'frameworks', type: 'map<string,array<string>>', comment: 'Framework to requirements' },
  { name: 'evidence_json', type: 'string', comment: 'Evidence as JSON: [{path, value, absent}]' },
  { name: 'remediation', type: 'string', comment: 'What to change' },
  { name: 'remediation_url', type: 'string', comment: 'Vendor documentation' },
];

/** The newest run of the last 7 days (the partition filter keeps the scan to a week). */
const latestRun = (table: string) => `SELECT run_id FROM ${table}
  WHERE run_date >= date_format(current_date - interval '7' day, '%Y-%m-%d')
  ORDER BY observed_at DESC
  LIMIT 1`;

const recent = `run_date >= date_format(current_date - interval '7' day, '%Y-%m-%d')`;

export interface SavedQuery {
  id: string;
  name: string;
  description: string;
  sql: (table: string) => string;
}

export const SAVED_QUERIES: readonly SavedQuery[] = [
  {
    id: 'OpenCriticalHighByAccount',
    name: 'mk8s-audit: open critical and high findings by account',
    description: 'Failed critical and high results of the latest run, per cloud account.',
    sql: (t) => `-- Failed critical and high results of the latest run, per cloud account.
SELECT cloud, account, severity,
       count(*) AS open_findings,
       count(DISTINCT resource_id) AS clusters
FROM ${t}
WHERE ${recent}
  AND run_id = (${latestRun(t)})
  AND status = 'fail'
  AND severity IN ('critical', 'high')
GROUP BY cloud, account, severity
ORDER BY cloud, account, severity`,
  },
  {
    id: 'FirstSeenThisWeek',
    name: 'mk8s-audit: findings first seen this week',
    description: 'Failed findings whose first failing run is in the current week (Monday on).',
    sql: (t) => `-- Failed findings whose first failing run is in the current week (Monday on).
SELECT id, check_id, severity, cloud, account, resource_name,
       min(run_date) AS first_seen,
       max(run_date) AS last_seen
FROM ${t}
WHERE status = 'fail'
GROUP BY id, check_id, severity, cloud, account, resource_name
HAVING min(run_date) >= date_format(date_trunc('week', current_date), '%Y-%m-%d')
ORDER BY first_seen DESC, severity, check_id`,
  },
  {
    id: 'ClustersFailingRequirement',
    name: 'mk8s-audit: clusters failing a CIS requirement',
    description:
      "Clusters of the latest run that fail a requirement; run with one parameter such as 'cis-eks-1.8.0:5.4.2'.",
    sql: (
      t,
    ) => `-- Clusters of the latest run failing a requirement. Parameter: 'framework:requirement',
-- e.g. 'cis-eks-1.8.0:5.4.2' or 'cis-gke-1.9.0:5.6.4'.
SELECT cloud, account, region, resource_name, resource_id,
       array_agg(DISTINCT check_id) AS failing_checks
FROM ${t}
WHERE ${recent}
  AND run_id = (${latestRun(t)})
  AND status = 'fail'
  AND contains(requirements, ?)
GROUP BY cloud, account, region, resource_name, resource_id
ORDER BY cloud, account, resource_name`,
  },
];
