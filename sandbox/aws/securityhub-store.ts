/** A finding as imported: the ASFF object exactly as BatchImportFindings received it. */
export type StoredFinding = Record<string, unknown>;

/**
 * The findings a sandbox's Security Hub holds, upserted by `Id` + `ProductArn` as the service
 * does. Tests and `npm start` read it directly; GetFindings serves it.
 */
export class FindingStore {
  readonly #findings = new Map<string, StoredFinding>();
  /** BatchImportFindings calls answered, and their findings imported and rejected. */
  readonly imports = { calls: 0, success: 0, failed: 0 };

  upsert(finding: StoredFinding): void {
    this.#findings.set(`${String(finding['ProductArn'])}\u0000${String(finding['Id'])}`, finding);
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

  clear(): void {
    this.#findings.clear();
    this.imports.calls = 0;
    this.imports.success = 0;
    this.imports.failed = 0;
  }
}
