import type {
  AwsSecurityFinding,
  ComplianceStatus,
  Partition,
  Resource,
  SeverityLabel,
} from '@aws-sdk/client-securityhub';
import type { Status } from '../core/check';
import type { Finding } from '../core/finding';
import type { Severity } from '../core/severity';
import {
  MUTED_ENTRY_FIELD,
  MUTED_EXPIRES_FIELD,
  MUTED_FIELD,
  MUTED_OWNER_FIELD,
  MUTED_REASON_FIELD,
  type MutedValue,
  PRODUCT_NAME,
} from './securityhub-mute-rules';

/**
 * The one place a Finding becomes an AWS Security Finding Format object. Limits are those of
 * the ASFF member docs (the service model has only the `.*\S.*` pattern): Title 256,
 * Description 1024, Remediation text 512, ProductFields value 2048, Details.Other value 1024,
 * Resource.Region 16, Id/GeneratorId 512.
 */
export const ASFF_LIMITS = {
  id: 512,
  title: 256,
  description: 1024,
  recommendationText: 512,
  productFieldValue: 2048,
  otherDetailValue: 1024,
  resourceRegion: 16,
  resourceId: 512,
  relatedRequirement: 64,
  relatedRequirements: 32,
  /** AssociatedStandards: not in the model; the service refuses more than 20 (Prowler's cap). */
  associatedStandards: 20,
  standardsId: 256,
  types: 50,
  resources: 32,
  severityOriginal: 64,
  productFields: 50,
  productFieldKey: 128,
  resourceType: 256,
} as const;

export const ASFF_SCHEMA_VERSION = '2018-10-08';

/** Where and when findings are imported. */
export interface AsffContext {
  /** The AWS account that imports the findings; it must be the caller's account. */
  account: string;
  /** The Security Hub Region the findings are imported into. */
  region: string;
  partition: Partition;
  /** When this run observed the finding (UpdatedAt, LastObservedAt). */
  observedAt: Date;
  /** When the finding was first observed; without run state it is `observedAt`. */
  firstObservedAt?: Date;
  /** ARCHIVED hides the finding (its cluster or check is gone); default ACTIVE. */
  recordState?: 'ACTIVE' | 'ARCHIVED';
}

/** What the mapping reads of a finding: all of it but the snapshot provenance. */
export type AsffFinding = Omit<Finding, 'source'>;

/** The custom-integration product of the importing account (no subscription needed). */
export function productArn(ctx: Pick<AsffContext, 'partition' | 'region' | 'account'>): string {
  return `arn:${ctx.partition}:securityhub:${ctx.region}:${ctx.account}:product/${ctx.account}/default`;
}

/**
 * Compliance.Status per result status (decision, after the ASFF `Compliance.Status` docs):
 * - `pass` → PASSED, `fail` → FAILED.
 * - `unknown` → WARNING: the docs define WARNING as "some information is missing", which is
 *   what `unknown` means here (a denied or failed call). NOT_AVAILABLE would hide it: Security
 *   Hub treats NOT_AVAILABLE as "check could not run / not applicable" and may archive it.
 * - `not_applicable` → NOT_AVAILABLE, the status the docs give to NOT_APPLICABLE evaluations.
 */
export const COMPLIANCE_STATUS: Readonly<Record<Status, ComplianceStatus>> = {
  pass: 'PASSED',
  fail: 'FAILED',
  unknown: 'WARNING',
  not_applicable: 'NOT_AVAILABLE',
};

const LABEL: Readonly<Record<Severity, SeverityLabel>> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  informational: 'INFORMATIONAL',
};

/**
 * A failure, and an unverifiable control, keep the check's severity (a security team must see
 * that a critical control could not be read); a pass or a not-applicable result is
 * INFORMATIONAL, as the ASFF severity guidance says for passed checks.
 */
export function severityLabel(finding: Pick<Finding, 'status' | 'severity'>): SeverityLabel {
  return finding.status === 'fail' || finding.status === 'unknown'
    ? LABEL[finding.severity]
    : 'INFORMATIONAL';
}

/** Cuts `text` to `max` characters, marking the cut with "..." (never empty). */
export function truncate(text: string, max: number): string {
  const value = text.trim().length > 0 ? text : '-';
  return value.length <= max ? value : `${value.slice(0, max - 3)}...`;
}

const BASE_TYPE = 'Software and Configuration Checks/Industry and Regulatory Standards';

/** `cis-eks-1.8.0` → `CIS EKS Benchmark v1.8.0`; other framework ids stay as they are. */
export function frameworkLabel(frameworkId: string): string {
  const cis = /^cis-([a-z]+)-(\d+(?:\.\d+)*)$/.exec(frameworkId);
  return cis ? `CIS ${cis[1]?.toUpperCase()} Benchmark v${cis[2]}` : frameworkId;
}

/**
 * A requirement as Security Hub's own controls spell it where it has a convention
 * (`PCI DSS v4.0.1/1.4.4`, `NIST.800-53.r5 SC-7`), else `<framework label>/<id>`.
 */
const REQUIREMENT_PREFIX: Readonly<Record<string, string>> = {
  'pci-dss-4.0.1': 'PCI DSS v4.0.1/',
  'nist-800-53-r5': 'NIST.800-53.r5 ',
  'soc2-2017': 'SOC 2/',
  'hipaa-security-rule': 'HIPAA/',
  'iso-27001-2022': 'ISO/IEC 27001:2022/',
};
export function requirementLabel(frameworkId: string, requirement: string): string {
  return `${REQUIREMENT_PREFIX[frameworkId] ?? `${frameworkLabel(frameworkId)}/`}${requirement}`;
}

/** ASFF `Types`: the standards taxonomy, one classifier per CIS benchmark the check maps to. */
export function findingTypes(finding: Pick<Finding, 'frameworks'>): string[] {
  const cis = Object.keys(finding.frameworks)
    .filter((id) => id.startsWith('cis-'))
    .sort()
    .map((id) => `${BASE_TYPE}/${frameworkLabel(id)}`);
  return cis.length > 0 ? cis.slice(0, ASFF_LIMITS.types) : [BASE_TYPE];
}

/**
 * `Compliance.RelatedRequirements`, at most 32. Priority when a check cites more: the CIS
 * benchmark first (the check's own control), then the other frameworks in turns, one requirement
 * of each per turn in the order the mapping lists them (its most direct requirement first), so a
 * cut drops the least direct requirements of every framework rather than whole frameworks.
 */
export function relatedRequirements(finding: Pick<Finding, 'frameworks'>): string[] {
  const ids = Object.keys(finding.frameworks).sort(
    (a, b) => Number(b.startsWith('cis-')) - Number(a.startsWith('cis-')) || a.localeCompare(b),
  );
  const label = (id: string, req: string) =>
    truncate(requirementLabel(id, req), ASFF_LIMITS.relatedRequirement);
  const cis = ids
    .filter((id) => id.startsWith('cis-'))
    .flatMap((id) => (finding.frameworks[id] ?? []).map((req) => label(id, req)));
  const queues = ids
    .filter((id) => !id.startsWith('cis-'))
    .map((id) => (finding.frameworks[id] ?? []).map((req) => label(id, req)));
  const others: string[] = [];
  for (let turn = 0; queues.some((q) => turn < q.length); turn++) {
    for (const q of queues) {
      const next = q[turn];
      if (next !== undefined) others.push(next);
    }
  }
  return [...cis, ...others].slice(0, ASFF_LIMITS.relatedRequirements);
}

const PARTITIONS: readonly Partition[] = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-us-iso',
  'aws-us-iso-b',
];

/** An AWS partition name (`aws`, `aws-cn`...) as Security Hub's type, or undefined. */
export function awsPartition(value: string | undefined): Partition | undefined {
  return PARTITIONS.find((p) => p === value);
}

function otherDetails(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined && v.length > 0) out[k] = truncate(v, ASFF_LIMITS.otherDetailValue);
  }
  return out;
}

/** `true` for a muted result, `expired` when its mutelist entry has expired, else undefined. */
function mutedValue(finding: AsffFinding): MutedValue | undefined {
  if (!finding.exception) return undefined;
  return finding.muted ? 'true' : 'expired';
}

/**
 * The mute marker in the cluster resource's `Details.Other`, where automation rules can match it
 * (`ResourceDetailsOther`; they have no ProductFields criterion): see securityhub-mute-rules.ts.
 */
function muteDetails(finding: AsffFinding): Record<string, string> {
  const value = mutedValue(finding);
  return value === undefined ? {} : { [MUTED_FIELD]: value };
}

/**
 * The cluster as an ASFF resource. EKS is the native `AwsEksCluster` with its partition and
 * Region. GKE and AKS are `Other` (the model's type for resources it does not know) with no
 * Partition and no Region: GCP/Azure locations can exceed Region's 16 characters, and they are
 * not AWS Regions; the location is in Details.Other instead.
 */
export function clusterResource(finding: AsffFinding): Resource {
  const id = truncate(finding.resourceId, ASFF_LIMITS.resourceId);
  if (finding.provider === 'eks') {
    const partition = awsPartition(/^arn:([a-z-]+):/.exec(finding.resourceId)?.[1]);
    const resource: Resource = {
      Type: 'AwsEksCluster',
      Id: id,
      Details: {
        AwsEksCluster: {
          Arn: truncate(finding.resourceId, ASFF_LIMITS.resourceId),
          Name: truncate(finding.resourceName, ASFF_LIMITS.otherDetailValue),
        },
        ...(finding.exception ? { Other: muteDetails(finding) } : {}),
      },
    };
    if (partition) resource.Partition = partition;
    if (finding.region.length <= ASFF_LIMITS.resourceRegion) resource.Region = finding.region;
    return resource;
  }
  const accountKey = finding.provider === 'gke' ? 'project' : 'subscription';
  return {
    Type: 'Other',
    Id: id,
    Details: {
      Other: otherDetails({
        cloud: finding.cloud,
        service: finding.provider.toUpperCase(),
        [accountKey]: finding.account,
        location: finding.region,
        clusterName: finding.resourceName,
        ...muteDetails(finding),
      }),
    },
  };
}

/** A sub-resource the result is about (node group, IAM role...), as a second resource. */
function subjectResource(finding: AsffFinding): Resource | undefined {
  const { subject } = finding;
  if (!subject) return undefined;
  return {
    Type: 'Other',
    Id: truncate(subject.id, ASFF_LIMITS.resourceId),
    Details: {
      Other: otherDetails({
        type: subject.type,
        name: subject.name,
        cluster: finding.resourceId,
      }),
    },
  };
}

/**
 * `ProductFields` under the `mk8s-audit/` prefix (Security Hub reserves `aws/`): at most 50
 * pairs, keys of 128 and values of 2048 characters. A new field is one more line here (the
 * mutelist's `mk8s-audit/muted` among them); the evidence goes last, being the one to lose.
 */
function productFields(finding: AsffFinding): Record<string, string> {
  const v = (s: string) => truncate(s, ASFF_LIMITS.productFieldValue);
  const fields: Record<string, string> = {
    'mk8s-audit/checkId': finding.checkId,
    'mk8s-audit/status': finding.status,
    'mk8s-audit/severity': finding.severity,
    'mk8s-audit/provider': finding.provider,
    'mk8s-audit/cloud': finding.cloud,
    'mk8s-audit/family': finding.family,
    'mk8s-audit/categories': finding.categories.join(','),
    'mk8s-audit/account': finding.account,
    'mk8s-audit/location': finding.region,
    'mk8s-audit/clusterName': finding.resourceName,
    'mk8s-audit/clusterId': finding.resourceId,
    'mk8s-audit/evidence': JSON.stringify(finding.evidence),
  };
  if (finding.subject) {
    fields['mk8s-audit/subjectType'] = finding.subject.type;
    fields['mk8s-audit/subjectId'] = finding.subject.id;
  }
  const exception = finding.exception;
  if (exception) {
    // A change of these (muted → expired → gone) changes the finding, so it is re-imported.
    fields[MUTED_FIELD] = mutedValue(finding) ?? '';
    fields[MUTED_REASON_FIELD] = exception.reason;
    fields[MUTED_OWNER_FIELD] = exception.owner;
    fields[MUTED_EXPIRES_FIELD] = exception.expires;
    fields[MUTED_ENTRY_FIELD] = String(exception.entry);
  }
  const { 'mk8s-audit/evidence': evidence, ...first } = fields;
  return Object.fromEntries(
    Object.entries({ ...first, 'mk8s-audit/evidence': evidence ?? '[]' })
      .slice(0, ASFF_LIMITS.productFields)
      .map(([k, value]) => [truncate(k, ASFF_LIMITS.productFieldKey), v(value)]),
  );
}

/**
 * `Compliance.AssociatedStandards`: one per framework the check maps to, CIS first, named like
 * Security Hub's own standards (`standards/cis-eks-benchmark/v/1.8.0`); at most 20.
 */
export function associatedStandards(
  finding: Pick<Finding, 'frameworks'>,
): { StandardsId: string }[] {
  return Object.keys(finding.frameworks)
    .filter((id) => (finding.frameworks[id] ?? []).length > 0)
    .sort(
      (a, b) => Number(b.startsWith('cis-')) - Number(a.startsWith('cis-')) || a.localeCompare(b),
    )
    .map((id) => {
      const cis = /^cis-([a-z]+)-(\d+(?:\.\d+)*)$/.exec(id);
      const name = cis ? `standards/cis-${cis[1]}-benchmark/v/${cis[2]}` : `standards/${id}`;
      return { StandardsId: truncate(name, ASFF_LIMITS.standardsId) };
    })
    .slice(0, ASFF_LIMITS.associatedStandards);
}

function recommendationText(finding: AsffFinding): string {
  const { summary, cli } = finding.remediation;
  return truncate(cli ? `${summary} CLI: ${cli}` : summary, ASFF_LIMITS.recommendationText);
}

/**
 * Finding → AwsSecurityFinding. Deterministic for a given finding and context. CreatedAt and
 * FirstObservedAt come from the run state (stable for the life of the finding); UpdatedAt and
 * LastObservedAt are this import's time, which the lifecycle keeps increasing (Security Hub
 * ignores an update whose UpdatedAt is not newer).
 */
export function toAsff(finding: AsffFinding, ctx: AsffContext): AwsSecurityFinding {
  const observed = ctx.observedAt.toISOString();
  const first = (ctx.firstObservedAt ?? ctx.observedAt).toISOString();
  const label = severityLabel(finding);
  const types = findingTypes(finding);
  const subject = subjectResource(finding);
  const requirements = relatedRequirements(finding);
  const standards = associatedStandards(finding);
  const original = truncate(finding.severity, ASFF_LIMITS.severityOriginal);
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: truncate(finding.id, ASFF_LIMITS.id),
    ProductArn: productArn(ctx),
    ProductName: PRODUCT_NAME,
    CompanyName: 'mk8s-audit',
    GeneratorId: truncate(finding.checkId, ASFF_LIMITS.id),
    AwsAccountId: ctx.account,
    Types: types,
    FirstObservedAt: first,
    LastObservedAt: observed,
    CreatedAt: first,
    UpdatedAt: observed,
    Severity: { Label: label, Original: original },
    Title: truncate(finding.title, ASFF_LIMITS.title),
    Description: truncate(finding.message, ASFF_LIMITS.description),
    Remediation: {
      Recommendation: {
        Text: recommendationText(finding),
        ...(finding.remediation.url ? { Url: finding.remediation.url } : {}),
      },
    },
    ProductFields: productFields(finding),
    Resources: subject ? [clusterResource(finding), subject] : [clusterResource(finding)],
    Compliance: {
      Status: COMPLIANCE_STATUS[finding.status],
      SecurityControlId: finding.checkId,
      ...(requirements.length > 0 ? { RelatedRequirements: requirements } : {}),
      ...(standards.length > 0 ? { AssociatedStandards: standards } : {}),
    },
    RecordState: ctx.recordState ?? 'ACTIVE',
    FindingProviderFields: { Severity: { Label: label, Original: original }, Types: types },
  };
}
