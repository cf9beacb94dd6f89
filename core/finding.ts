import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { AnyCheck } from './check';
import { Category, Evidence, type Outcome, Remediation, Status, Subject } from './check';
import { clusterTags } from './cluster-tags';
import { CLOUD_OF, Cloud, Provider } from './provider';
import { Severity } from './severity';
import { type ClusterSnapshot, Source } from './snapshot';

/** The mutelist entry that covers a result, as findings.json and every format carry it. */
export const FindingException = z.object({
  /** The entry's index in the mutelist's `entries` (0-based). */
  entry: z.number().int().nonnegative(),
  reason: z.string(),
  owner: z.string(),
  /** The last day (UTC) the entry applies. */
  expires: z.iso.date(),
  /** `expired`: the entry would match but its day has passed, so the result is not muted. */
  state: z.enum(['active', 'expired']),
});
export type FindingException = z.infer<typeof FindingException>;

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
  /** The cluster's tags (GKE resource labels), when it has any: what mutelist `tags` match. */
  tags: z.record(z.string(), z.string()).optional(),
  /** Set when an active mutelist entry covers this result; the status is kept as it is. */
  muted: z.literal(true).optional(),
  /** The mutelist entry that covers this result (active, or expired and so no longer muting). */
  exception: FindingException.optional(),
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
  const tags = clusterTags(snapshot);
  if (Object.keys(tags).length > 0) finding.tags = tags;
  return finding;
}
