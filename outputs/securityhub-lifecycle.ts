import { createHash } from 'node:crypto';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Status } from '../core/check';
import type { Finding } from '../core/finding';
import { type AsffFinding, COMPLIANCE_STATUS, toAsff } from './asff';
import type {
  ImportDestination,
  SecurityHubState,
  StateEntry,
  StateRef,
} from './securityhub-state';

export type { ImportDestination };

/**
 * The Security Hub lifecycle as a pure function: this run's findings against the state of what
 * Security Hub holds → the imports to make and the state after them. Only differences are sent:
 * new findings, changed ones (a fixed one is re-sent PASSED/INFORMATIONAL), findings whose
 * cluster or check is gone (ARCHIVED), and unchanged open ones whose last import is older than
 * the refresh age, so none reaches Security Hub's 90-day expiry.
 */

export const DEFAULT_REFRESH_AFTER_DAYS = 7;
/** Security Hub deletes a finding 90 days after its last update; an archived entry is then dropped. */
const RETENTION_MS = 90 * 24 * 3600 * 1000;

export const destinationKey = (d: ImportDestination) => `${d.partition}:${d.account}/${d.region}`;

/** One finding of this run, with the target that produced it and where it goes. */
export interface CurrentFinding {
  finding: Finding;
  /** Target label (`aws:<account>/<region>`, `gcp:<project>`, `azure:<subscription>`). */
  target: string;
  destination: ImportDestination;
}

export type ImportKind = 'new' | 'updated' | 'passed' | 'archived' | 'refreshed';

export interface PlannedImport {
  id: string;
  kind: ImportKind;
  destination: ImportDestination;
  asff: AwsSecurityFinding;
  /**
   * The state entry once Security Hub has taken it; none for the archiving of a finding at the
   * destination it left (the import mode changed), whose state is its new destination's.
   */
  entry?: StateEntry;
}

export interface LifecyclePlan {
  imports: PlannedImport[];
  /** Findings left as they are: unchanged, recently sent, or `unknown` over an earlier result. */
  unchanged: number;
  /** `unknown` results over an earlier result: Security Hub keeps what it had. */
  unknownKept: number;
  /** Ids that more than one finding of this run carried (only the first is used). */
  duplicateIds: string[];
}

export interface PlanInput {
  state: SecurityHubState;
  current: readonly CurrentFinding[];
  /**
   * Targets whose collection completed in this run: only their missing findings are archived.
   * A failed or partial target, or one outside this run's scope, archives nothing.
   */
  completeTargets: ReadonlySet<string>;
  now: Date;
  refreshAfterDays?: number;
}

/** The content of an ASFF finding without its timestamps, hashed: equal hash, nothing to send. */
export function contentHash(asff: AwsSecurityFinding): string {
  const {
    CreatedAt: _c,
    UpdatedAt: _u,
    FirstObservedAt: _f,
    LastObservedAt: _l,
    ...content
  } = asff;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The target label a finding belongs to (its cluster's account/project/subscription). */
export function targetOf(f: Pick<Finding, 'cloud' | 'account' | 'region'>): string {
  return f.cloud === 'aws' ? `aws:${f.account}/${f.region}` : `${f.cloud}:${f.account}`;
}

function refOf(f: Finding): StateRef {
  const ref: StateRef = {
    checkId: f.checkId,
    provider: f.provider,
    cloud: f.cloud,
    resourceId: f.resourceId,
    resourceName: f.resourceName,
    account: f.account,
    region: f.region,
    severity: f.severity,
    title: f.title,
    family: f.family,
    categories: f.categories,
    remediation: f.remediation,
    frameworks: f.frameworks,
  };
  if (f.subject) ref.subject = f.subject;
  return ref;
}

const STATUS_OF: Readonly<Record<StateEntry['status'], Status>> = {
  PASSED: 'pass',
  FAILED: 'fail',
  WARNING: 'unknown',
  NOT_AVAILABLE: 'not_applicable',
};

/** The finding an archived entry is re-sent as: its last status, saying why it is archived. */
function archivedFinding(id: string, entry: StateEntry): AsffFinding {
  const { ref } = entry;
  return {
    id,
    ...ref,
    status: STATUS_OF[entry.status],
    message: `Archived: ${ref.resourceName} or the check ${ref.checkId} no longer exists in the audited ${entry.target}; the last result was ${entry.status}.`,
    evidence: [],
  };
}

/** Open: Security Hub shows it as a problem, so it must not expire while it stays one. */
const isOpen = (e: StateEntry) =>
  e.recordState === 'ACTIVE' && (e.status === 'FAILED' || e.status === 'WARNING');

/** UpdatedAt of this import: now, or just after the last one if the clock is behind it. */
function nextUpdate(now: Date, entry: StateEntry | undefined): Date {
  if (!entry) return now;
  const last = Date.parse(entry.lastSent);
  return now.getTime() > last ? now : new Date(last + 1);
}

export function planLifecycle(input: PlanInput): LifecyclePlan {
  const refreshMs = (input.refreshAfterDays ?? DEFAULT_REFRESH_AFTER_DAYS) * 24 * 3600 * 1000;
  const previous = input.state.findings;
  const imports: PlannedImport[] = [];
  const seen = new Set<string>();
  const duplicateIds: string[] = [];
  let unchanged = 0;
  let unknownKept = 0;

  for (const { finding, target, destination } of input.current) {
    if (seen.has(finding.id)) {
      duplicateIds.push(finding.id);
      continue;
    }
    seen.add(finding.id);
    const entry = previous[finding.id];
    // An unverifiable result says nothing new about a finding Security Hub shows. (An archived
    // one whose cluster is back is shown again, as WARNING, like a new finding.)
    if (entry && entry.recordState === 'ACTIVE' && finding.status === 'unknown') {
      unknownKept += 1;
      continue;
    }
    const movedFrom =
      entry && destinationKey(entry.destination) !== destinationKey(destination)
        ? entry
        : undefined;
    const base = movedFrom ? undefined : entry;
    if (movedFrom && movedFrom.recordState === 'ACTIVE') {
      const { entry: _kept, ...archive } = archiveOf(finding.id, movedFrom, input.now);
      imports.push(archive);
    }
    const firstSeen = entry ? new Date(entry.firstSeen) : input.now;
    const updatedAt = nextUpdate(input.now, base);
    const ctx = { ...destination, observedAt: updatedAt, firstObservedAt: firstSeen };
    const asff = toAsff(finding, ctx);
    const hash = contentHash(asff);
    const status = COMPLIANCE_STATUS[finding.status];
    const next: StateEntry = {
      hash,
      status,
      recordState: 'ACTIVE',
      firstSeen: firstSeen.toISOString(),
      lastSent: updatedAt.toISOString(),
      target,
      destination: { ...destination },
      ref: refOf(finding),
    };
    let kind: ImportKind | undefined;
    if (!base) kind = 'new';
    else if (base.hash !== hash || base.recordState !== 'ACTIVE') {
      kind = status === 'PASSED' && base.status !== 'PASSED' ? 'passed' : 'updated';
    } else if (isOpen(base) && input.now.getTime() - Date.parse(base.lastSent) >= refreshMs) {
      kind = 'refreshed';
    }
    if (kind === undefined) {
      unchanged += 1;
      continue;
    }
    imports.push({ id: finding.id, kind, destination, asff, entry: next });
  }

  for (const [id, entry] of Object.entries(previous)) {
    if (seen.has(id) || entry.recordState === 'ARCHIVED') continue;
    if (!input.completeTargets.has(entry.target)) continue;
    imports.push(archiveOf(id, entry, input.now));
  }
  return { imports, unchanged, unknownKept, duplicateIds };
}

/** The import that archives an entry where it was last sent. */
function archiveOf(
  id: string,
  entry: StateEntry,
  now: Date,
): PlannedImport & { entry: StateEntry } {
  const updatedAt = nextUpdate(now, entry);
  const destination: ImportDestination = { ...entry.destination };
  const asff = toAsff(archivedFinding(id, entry), {
    ...destination,
    observedAt: updatedAt,
    firstObservedAt: new Date(entry.firstSeen),
    recordState: 'ARCHIVED',
  });
  return {
    id,
    kind: 'archived',
    destination,
    asff,
    entry: { ...entry, recordState: 'ARCHIVED', lastSent: updatedAt.toISOString() },
  };
}

/**
 * The state after a run: the previous entries, those Security Hub took replaced by their new
 * entry (a rejected import keeps the old entry, so the next run tries again), and archived
 * entries past Security Hub's retention dropped.
 */
export function nextState(
  previous: SecurityHubState,
  accepted: readonly PlannedImport[],
  run: { runId: string; now: Date },
): SecurityHubState {
  const findings: Record<string, StateEntry> = { ...previous.findings };
  for (const p of accepted) if (p.entry) findings[p.id] = p.entry;
  for (const [id, e] of Object.entries(findings)) {
    if (e.recordState === 'ARCHIVED' && run.now.getTime() - Date.parse(e.lastSent) > RETENTION_MS)
      delete findings[id];
  }
  return {
    format: previous.format,
    version: previous.version,
    runId: run.runId,
    updatedAt: run.now.toISOString(),
    findings,
  };
}
