import type { Status } from '../core/check';
import type { Finding } from '../core/finding';
import type { Provider } from '../core/provider';
import type { Severity } from '../core/severity';
import { encodeAll, type FindingsEncoder, jsonArrayEncoder } from './findings-encoder';

/**
 * OCSF 1.6.0 Compliance Finding (class_uid 2003) for one finding. The event class resolves
 * `compliance_finding` → `finding` → `base_event`; its required attributes are activity_id,
 * category_uid, class_uid, compliance, finding_info, metadata, severity_id, time, type_uid, and
 * `cloud` because the event declares the `cloud` profile.
 */
export const OCSF_VERSION = '1.6.0';
const CLASS_UID = 2003;
const CATEGORY_UID = 2;
const ACTIVITY_CREATE = 1;

export interface OcsfOptions {
  /** The run's time: every event of a run carries it, so a re-render gives the same file. */
  time: Date;
  /** This tool's version, for `metadata.product.version`. */
  productVersion: string;
}

const SEVERITY_ID: Readonly<Record<Severity, { id: number; caption: string }>> = {
  informational: { id: 1, caption: 'Informational' },
  low: { id: 2, caption: 'Low' },
  medium: { id: 3, caption: 'Medium' },
  high: { id: 4, caption: 'High' },
  critical: { id: 5, caption: 'Critical' },
};

/**
 * `compliance.status_id`: 1 Pass, 2 Warning ("did not yield a result due to missing
 * information", which is our `unknown`), 3 Fail, 99 Other for not applicable.
 */
const COMPLIANCE_STATUS: Readonly<Record<Status, { id: number; caption: string }>> = {
  pass: { id: 1, caption: 'Pass' },
  unknown: { id: 2, caption: 'Warning' },
  fail: { id: 3, caption: 'Fail' },
  not_applicable: { id: 99, caption: 'Not Applicable' },
};

/**
 * The finding's lifecycle `status_id`: a failed or undecided result is New (1) and needs a look;
 * a passing or not applicable one is Resolved (4), as Security Hub resolves PASSED controls.
 */
const FINDING_STATUS: Readonly<Record<Status, { id: number; caption: string }>> = {
  fail: { id: 1, caption: 'New' },
  unknown: { id: 1, caption: 'New' },
  pass: { id: 4, caption: 'Resolved' },
  not_applicable: { id: 4, caption: 'Resolved' },
};

/**
 * A result muted by an active mutelist entry: OCSF's finding `status_id` 3 Suppressed (the
 * lifecycle of the finding; the compliance status stays Fail/Pass/Warning), and
 * `status_detail` says by whom, why and until when. The whole exception, also an expired one,
 * is in `unmapped.exception`: OCSF 1.6 has no attribute for it.
 */
const SUPPRESSED = { id: 3, caption: 'Suppressed' } as const;

function statusDetail(f: Finding): string {
  const e = f.exception;
  if (!f.muted || !e) return f.message;
  return `Muted until ${e.expires} (UTC) by mutelist entry ${e.entry}, owner ${e.owner}: ${e.reason}`;
}

interface CloudInfo {
  provider: string;
  /** `account.type_id`: 10 AWS Account, 11 GCP Project, 13 Azure Subscription. */
  accountTypeId: number;
  accountType: string;
  /** Resource type as the cloud names it (CloudFormation, Cloud Asset, ARM). */
  resourceType: string;
}

const CLOUD: Readonly<Record<Provider, CloudInfo>> = {
  eks: {
    provider: 'AWS',
    accountTypeId: 10,
    accountType: 'AWS Account',
    resourceType: 'AWS::EKS::Cluster',
  },
  gke: {
    provider: 'GCP',
    accountTypeId: 11,
    accountType: 'GCP Project',
    resourceType: 'container.googleapis.com/Cluster',
  },
  aks: {
    provider: 'Azure',
    accountTypeId: 13,
    accountType: 'Azure Subscription',
    resourceType: 'Microsoft.ContainerService/managedClusters',
  },
};

/** `aws`, `aws-cn`, `aws-us-gov` from an ARN; undefined for non-ARN ids. */
function awsPartition(resourceId: string): string | undefined {
  const m = /^arn:([a-z-]+):/.exec(resourceId);
  return m?.[1];
}

function requirementsOf(frameworks: Finding['frameworks']): string[] {
  return Object.entries(frameworks).flatMap(([fw, ids]) => ids.map((id) => `${fw}:${id}`));
}

function resourcesOf(f: Finding, info: CloudInfo): Record<string, unknown>[] {
  const partition = f.provider === 'eks' ? awsPartition(f.resourceId) : undefined;
  const cluster: Record<string, unknown> = {
    uid: f.resourceId,
    name: f.resourceName,
    type: info.resourceType,
    region: f.region,
    ...(partition ? { cloud_partition: partition } : {}),
  };
  if (!f.subject) return [cluster];
  return [
    cluster,
    {
      uid: f.subject.id,
      name: f.subject.name,
      type: f.subject.type,
      region: f.region,
      ...(partition ? { cloud_partition: partition } : {}),
    },
  ];
}

/** The remediation object; `desc` is required, the CLI and IaC hints follow the summary. */
function remediationOf(f: Finding): Record<string, unknown> {
  const r = f.remediation;
  const lines = [r.summary];
  if (r.cli) lines.push(`CLI: ${r.cli}`);
  if (r.iac) lines.push(`IaC: ${r.iac}`);
  return { desc: lines.join('\n'), ...(r.url ? { references: [r.url] } : {}) };
}

export function toOcsf(f: Finding, opts: OcsfOptions): Record<string, unknown> {
  const info = CLOUD[f.provider];
  const severity = SEVERITY_ID[f.severity];
  const compliance = COMPLIANCE_STATUS[f.status];
  const lifecycle = f.muted ? SUPPRESSED : FINDING_STATUS[f.status];
  const standards = Object.keys(f.frameworks);
  const time = opts.time.getTime();
  return {
    activity_id: ACTIVITY_CREATE,
    activity_name: 'Create',
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: CLASS_UID * 100 + ACTIVITY_CREATE,
    type_name: 'Compliance Finding: Create',
    severity_id: severity.id,
    severity: severity.caption,
    time,
    timezone_offset: 0,
    message: f.message,
    status_id: lifecycle.id,
    status: lifecycle.caption,
    status_code: f.status.toUpperCase(),
    status_detail: statusDetail(f),
    metadata: {
      version: OCSF_VERSION,
      profiles: ['cloud'],
      product: {
        name: 'mk8s-audit',
        uid: 'mk8s-audit',
        vendor_name: 'mk8s-audit',
        version: opts.productVersion,
      },
      event_code: f.checkId,
      uid: f.id,
    },
    finding_info: {
      uid: f.id,
      title: f.title,
      desc: f.message,
      types: f.categories,
      analytic: { uid: f.checkId, name: f.checkId, type_id: 1, type: 'Rule' },
    },
    compliance: {
      control: f.checkId,
      category: f.family,
      standards,
      requirements: requirementsOf(f.frameworks),
      status_id: compliance.id,
      status: compliance.caption,
      status_detail: f.message,
      checks: [
        {
          uid: f.checkId,
          name: f.title,
          severity_id: severity.id,
          severity: severity.caption,
          standards,
          status_id: compliance.id,
          status: compliance.caption,
        },
      ],
    },
    cloud: {
      provider: info.provider,
      region: f.region,
      account: { uid: f.account, type_id: info.accountTypeId, type: info.accountType },
      ...(f.provider === 'gke' ? { project_uid: f.account } : {}),
    },
    resources: resourcesOf(f, info),
    remediation: remediationOf(f),
    ...(f.evidence.length > 0
      ? {
          evidences: f.evidence.map((e) => ({
            name: e.path,
            data: e.absent
              ? { path: e.path, value: null, absent: true }
              : { path: e.path, value: e.value },
          })),
        }
      : {}),
    unmapped: {
      provider: f.provider,
      family: f.family,
      frameworks: f.frameworks,
      source: f.source,
      ...(f.tags ? { tags: f.tags } : {}),
      ...(f.exception ? { muted: f.muted === true, exception: f.exception } : {}),
    },
  };
}

/** `findings.ocsf.json`: a JSON array of events, one per finding, as Security Lake ingests. */
export function renderOcsf(findings: readonly Finding[], opts: OcsfOptions): string {
  return encodeAll(ocsfEncoder(opts), findings);
}

/** `findings.ocsf.json` one finding at a time. */
export const ocsfEncoder = (opts: OcsfOptions): FindingsEncoder =>
  jsonArrayEncoder((f) => toOcsf(f, opts));
