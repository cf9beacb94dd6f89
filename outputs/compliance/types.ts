import type { Provider } from '../../core/provider';

/**
 * Continuous compliance over the run history: per framework requirement, on how many days of a
 * period every mapped check passed on every in-scope cluster, and the evidence (stored objects
 * with their SHA-256) the answer rests on.
 */

/** An object of the history an answer rests on, as stored. */
export interface EvidenceObject {
  key: string;
  kind: 'findings' | 'snapshot' | 'run-summary';
  sha256: string;
  bytes: number;
}

/**
 * A requirement on one day:
 * - `compliant`: at least one completed run, and in every run every mapped check passed (or was
 *   not applicable) on every in-scope cluster;
 * - `broken`: some mapped check failed on some in-scope cluster;
 * - `not_evidenced`: no completed run that day, or a result is unknown or missing, or a target
 *   of an in-scope cloud failed to be audited;
 * - `no_scope`: runs exist but none has a cluster of a cloud the requirement's checks cover.
 */
export type DayStatus = 'compliant' | 'broken' | 'not_evidenced' | 'no_scope';

export interface Breach {
  runId: string;
  cluster: string;
  clusterName: string;
  provider: Provider;
  checkId: string;
  findingId: string;
  message: string;
  /** The result is covered by an active mutelist entry (an accepted exception, still a breach). */
  muted?: true;
}

export interface RequirementDay {
  date: string;
  status: DayStatus;
  /** The completed runs of the day that were read. */
  runs: string[];
  breaches: Breach[];
  /** Why the day is not evidenced (no run, unknown results, missing results, failed targets). */
  gaps: string[];
  /** The stored objects of the day's runs for the in-scope clouds. */
  evidence: EvidenceObject[];
}

export interface RequirementCompliance {
  id: string;
  title: string;
  /** The checks mapped to it, by id. */
  checks: string[];
  compliantDays: number;
  brokenDays: number;
  notEvidencedDays: number;
  noScopeDays: number;
  /** Days in the period minus days without any in-scope cluster. */
  auditedDays: number;
  /** compliantDays / auditedDays, or undefined when no day had a cluster in scope. */
  share?: number;
  /** The clusters that broke it at least once (names). */
  brokenClusters: string[];
  days: RequirementDay[];
}

export interface ComplianceReport {
  framework: { id: string; title: string; version: string };
  from: string;
  to: string;
  /** Every day of the period, oldest first. */
  days: string[];
  /** Days with at least one completed run. */
  daysWithRuns: string[];
  /** Runs found in the period but not completed (no run summary): not used. */
  incompleteRuns: string[];
  /** Requirements decided from the cloud APIs, with their days. */
  requirements: RequirementCompliance[];
  /** Requirements that need a person (or are the provider's side): listed, not scored. */
  manual: { id: string; title: string; note?: string }[];
}
