import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { defaultAuditConfig } from '../../../core/config';
import { Finding } from '../../../core/finding';
import { runChecks } from '../../../core/run-checks';
import { ClusterSnapshotSchema } from '../../../core/snapshot';
import { ExportFormatError } from '../../../providers/export-reader';
import { EXPORT_READERS, readExport } from '../../../providers/exports';
import { toSnapshotFile } from '../../../providers/snapshot-file';
import { mutatedJson, readOrNamedError } from '../../helpers/json-mutations';

/**
 * Property: whatever JSON an export file holds, reading it gives valid snapshots (whose findings
 * are all valid) or an ExportFormatError naming the file and the problem.
 * The inputs are the bundled samples with values replaced or removed, so they keep enough of
 * the right shape to reach each reader's deeper code, plus JSON of any shape.
 */
const FILE = 'exports/cluster.json';
const ctx = { now: new Date('2026-11-28T03:00:00.000Z'), config: defaultAuditConfig() };
const sample = (path: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../samples', path), 'utf8'));

const SAMPLES = [
  'eks/payments-prod.json',
  'eks/legacy-and-staging.json',
  'gke/payments-gke.json',
  'gke/autopilot-and-legacy.json',
  'gke/rest-list.json',
  'aks/orders-prod.json',
  'aks/az-aks-list.json',
];

function checkRead(json: unknown): void {
  const snapshots = readOrNamedError(() => readExport(json, FILE), ExportFormatError, FILE);
  if (snapshots === undefined) return;
  for (const s of snapshots) expect(ClusterSnapshotSchema.safeParse(s).success).toBe(true);
  const findings = runChecks(ALL_CHECKS, snapshots, ctx);
  // Every finding is valid (findings.json must hold them all). A check that throws on odd
  // data is `unknown` with the error (runChecks), which is a valid finding too.
  for (const f of findings) expect(Finding.safeParse(f).success).toBe(true);
}

describe('export readers on arbitrary JSON', () => {
  it.each(SAMPLES)('read a mutated %s or name the file and the problem', (path) => {
    fc.assert(fc.property(mutatedJson(sample(path)), checkRead), { numRuns: 40 });
  });

  it('read a mutated snapshot file or name the file and the problem', () => {
    const file = JSON.parse(
      JSON.stringify(toSnapshotFile(readExport(sample('eks/payments-prod.json'), 'x.json'))),
    ) as unknown;
    fc.assert(fc.property(mutatedJson(file), checkRead), { numRuns: 40 });
  });

  it('read JSON of any shape or name the file and the problem', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), checkRead), { numRuns: 100 });
  });

  it('each reader that detects its shape reads it or throws its own error', () => {
    const inputs = fc.oneof(...SAMPLES.map((p) => mutatedJson(sample(p))));
    fc.assert(
      fc.property(inputs, (json) => {
        for (const reader of EXPORT_READERS.filter((r) => r.detect(json))) {
          try {
            reader.read(json, FILE);
          } catch (error) {
            expect(error).toBeInstanceOf(ExportFormatError);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
