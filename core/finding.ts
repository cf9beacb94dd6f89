import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AnyCheck } from './check';
import { Category, Evidence, type Outcome, Remediation, Status, Subject } from './check';
import { CLOUD_OF, Cloud, Provider } from './provider';
import { Severity } from './severity';
import { type ClusterSnapshot, Source } from './snapshot';

/** One result of one check on one resource: what `findings.json` holds, one object each. */
export const Finding = z.object({
  /** Deterministic: the same check on the same resource always has the same id. */
  id: z.string(),
  checkId: z.string(),
  provider: Provider,
  cloud: Cloud,
  /** The cluster's ARN / GKE resource name / ARM id. */
  resourceId: z.string(),
  resourceName: z.string(),
  account: z.string(),
  region: z.string(),
  /** Set when the result is about a sub-resource of the cluster (node group, IAM role...). */
  subject: Subject.optional(),
  status: Status,
  severity: Severity,
  title: z.string(),
  message: z.string(),
  evidence: z.array(Evidence),
  family: z.string(),
  categories: z.array(Category),
  remediation: Remediation,
  frameworks: z.record(z.string(), z.array(z.string())),
  source: Source,
});
export type Finding = z.infer<typeof Finding>;

/**
 * `<checkId>/<32 hex>`: a hash of the resource id (and subject), never a timestamp, so a
 * finding keeps its id across runs and Security Hub updates it instead of duplicating it.
 */
export function findingId(checkId: string, resourceId: string, subject?: Subject): string {
  const key = subject ? `${resourceId}#${subject.type}/${subject.id}` : resourceId;
  return `${checkId}/${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

export function toFinding(check: AnyCheck, snapshot: ClusterSnapshot, outcome: Outcome): Finding {
  const { meta } = check;
  const finding: Finding = {
    id: findingId(meta.id, snapshot.ref.id, outcome.subject),
    checkId: meta.id,
    provider: snapshot.provider,
    cloud: CLOUD_OF[snapshot.provider],
    resourceId: snapshot.ref.id,
    resourceName: snapshot.ref.name,
    account: snapshot.ref.account,
    region: snapshot.ref.region,
    status: outcome.status,
    severity: meta.severity,
    title: meta.title,
    message: outcome.message,
    evidence: outcome.evidence,
    family: meta.family,
    categories: meta.categories,
    remediation: meta.remediation,
    frameworks: meta.frameworks,
    source: snapshot.source,
  };
  if (outcome.subject) finding.subject = outcome.subject;
  return finding;
}
