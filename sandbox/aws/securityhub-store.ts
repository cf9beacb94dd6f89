import { type AutomationRule, applyRules, keepCustomerFields } from './securityhub-automation';

/** A finding as imported: the ASFF object exactly as BatchImportFindings received it. */
export type StoredFinding = Record<string, unknown>;

/** One accepted import of one finding: what Security Hub bills as an ingestion event. */
export interface ImportEvent {
  id: string;
  productArn: string;
  account: string;
  region: string;
  /** `created`: a new finding; `updated`: a newer UpdatedAt replaced it; `stale`: ignored. */
  effect: 'created' | 'updated' | 'stale';
  recordState: string;
  complianceStatus: string | undefined;
  updatedAt: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const field = (f: StoredFinding, a: string, b: string): unknown => {
  const o = f[a];
  return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[b] : undefined;
};

/**
 * The findings a sandbox's Security Hub holds, upserted by `Id` + `ProductArn` as the service
 * does (BatchImportFindings docs, "finding-update-batchimportfindings"): an update whose
 * `UpdatedAt` is not newer than the stored one is ignored; the customer's `Workflow` survives
 * updates, and goes back to NEW (unless SUPPRESSED) when the finding is re-activated
 * (ARCHIVED → ACTIVE) or fails again (PASSED → FAILED/WARNING/NOT_AVAILABLE). Tests and
 * `npm start` read it directly; GetFindings and `GET /_sandbox/securityhub` serve it.
 */
export class FindingStore {
  readonly #findings = new Map<string, StoredFinding>();
  /** BatchImportFindings calls answered, and their findings imported and rejected. */
  readonly imports = { calls: 0, success: 0, failed: 0 };
  /** Every accepted finding import, in order (ingestion events). */
  readonly events: ImportEvent[] = [];
  /** CreateAutomationRule's rules, applied to every imported finding. */
  readonly automationRules: AutomationRule[] = [];

  upsert(finding: StoredFinding): void {
    const key = `${String(finding['ProductArn'])}\u0000${String(finding['Id'])}`;
    const before = this.#findings.get(key);
    const updatedAt = text(finding['UpdatedAt']);
    const stale =
      before !== undefined && Date.parse(updatedAt) <= Date.parse(text(before['UpdatedAt']));
    this.events.push({
      id: text(finding['Id']),
      productArn: text(finding['ProductArn']),
      account: text(finding['AwsAccountId']),
      region: text(finding['Region']),
      effect: before === undefined ? 'created' : stale ? 'stale' : 'updated',
      recordState: text(finding['RecordState']) || 'ACTIVE',
      complianceStatus: field(finding, 'Compliance', 'Status') as string | undefined,
      updatedAt,
    });
    if (stale) return;
    let kept = finding;
    if (before !== undefined) {
      const workflow = {
        ...((before['Workflow'] as Record<string, unknown>) ?? { Status: 'NEW' }),
      };
      const reactivated =
        before['RecordState'] === 'ARCHIVED' && finding['RecordState'] === 'ACTIVE';
      const failsAgain =
        field(before, 'Compliance', 'Status') === 'PASSED' &&
        field(finding, 'Compliance', 'Status') !== 'PASSED' &&
        field(finding, 'Compliance', 'Status') !== undefined;
      if ((reactivated || failsAgain) && workflow['Status'] !== 'SUPPRESSED')
        workflow['Status'] = 'NEW';
      kept = keepCustomerFields({ ...finding, Workflow: workflow }, before);
    }
    // Automation rules act on every created or updated finding, after the provider's update.
    this.#findings.set(key, applyRules(kept, this.automationRules, new Date().toISOString()));
  }

  /** Every stored finding, in import order of first arrival. */
  all(): StoredFinding[] {
    return [...this.#findings.values()];
  }

  /** The finding with this `Id` (and `ProductArn` when given). */
  get(id: string, productArn?: string): StoredFinding | undefined {
    for (const f of this.#findings.values()) {
      if (f['Id'] === id && (productArn === undefined || f['ProductArn'] === productArn)) return f;
    }
    return undefined;
  }

  get size(): number {
    return this.#findings.size;
  }

  /** Everything, as `GET /_sandbox/securityhub` answers it. */
  dump(): { findings: StoredFinding[]; imports: FindingStore['imports']; events: ImportEvent[] } {
    return { findings: this.all(), imports: { ...this.imports }, events: [...this.events] };
  }

  clear(): void {
    this.#findings.clear();
    this.events.length = 0;
    this.imports.calls = 0;
    this.imports.success = 0;
    this.imports.failed = 0;
  }
}
