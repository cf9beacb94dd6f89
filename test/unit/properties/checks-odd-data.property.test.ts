import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { Status } from '../../../core/check';
import { defaultAuditConfig } from '../../../core/config';
import { Finding } from '../../../core/finding';
import { evaluateCheck, runChecks } from '../../../core/run-checks';
import type { ClusterSnapshot } from '../../../core/snapshot';
import { readExport } from '../../../providers/exports';
import { type JsonPath, jsonPaths } from '../../helpers/json-mutations';

/**
 * Property: whatever odd but well-formed JSON a snapshot's API objects hold (a field replaced by
 * null, a list, an object, a number or a string), no check throws, every result is a valid
 * status with a sentence, a result the check could not reach names the field that stopped it,
 * and the run's findings stay valid. The snapshots are real-shaped: the sample estate as the live collectors store it.
 */
const FIXTURE = join(import.meta.dirname, '../../fixtures/snapshots/sample-estate.json');
const SNAPSHOTS = readExport(JSON.parse(readFileSync(FIXTURE, 'utf8')), 'sample-estate.json');
const ctx = { now: new Date('2026-11-28T03:00:00.000Z'), config: defaultAuditConfig() };

const ODD = fc.constantFrom<unknown>(null, [], {}, 0, 7, -1.5, '', 'x', true, false, [{}], ['x']);

/** The places an edit may hit: any field inside the cluster or inside a collected part's value. */
function editable(snapshot: ClusterSnapshot): JsonPath[] {
  return jsonPaths(snapshot).filter(
    (p) =>
      (p[0] === 'cluster' && p.length >= 2) ||
      (p[0] === 'parts' && p[2] === 'value' && p.length >= 3),
  );
}

/** A copy of `value` with the field at `path` replaced, or `value` when an edit removed it. */
function replaced(value: unknown, path: JsonPath, replacement: unknown): unknown {
  const copy = structuredClone(value);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return value;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return value;
  (parent as Record<string | number, unknown>)[path[path.length - 1] as string | number] =
    replacement;
  return copy;
}

/** A snapshot with one to three of its fields replaced by odd values. */
function oddSnapshot(base: ClusterSnapshot): fc.Arbitrary<ClusterSnapshot> {
  const paths = editable(base);
  return fc
    .array(fc.tuple(fc.constantFrom(...paths), ODD), { minLength: 1, maxLength: 3 })
    .map(
      (edits) =>
        edits.reduce<unknown>((v, [path, odd]) => replaced(v, path, odd), base) as ClusterSnapshot,
    );
}

function checkAll(snapshot: ClusterSnapshot): void {
  // The run keeps every finding valid (findings.json must hold them all).
  for (const f of runChecks(ALL_CHECKS, [snapshot], ctx)) {
    expect(Finding.safeParse(f).success, f.checkId).toBe(true);
  }
  for (const check of ALL_CHECKS) {
    if (check.meta.provider !== snapshot.provider) continue;
    const outcomes = evaluateCheck(check, snapshot, ctx);
    expect(outcomes.length, check.meta.id).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expect(Status.options, check.meta.id).toContain(outcome.status);
      expect(outcome.message.length, check.meta.id).toBeGreaterThan(10);
      if (outcome.message.includes('could not evaluate')) {
        expect(outcome.message, check.meta.id).toMatch(/\b(cluster|parts)\.[\w.[\]]+/);
      }
    }
  }
}

describe.each(['eks', 'gke', 'aks'] as const)('every %s check on odd snapshot data', (provider) => {
  const bases = SNAPSHOTS.filter((s) => s.provider === provider);

  it('has real-shaped snapshots to start from', () => {
    expect(bases.length).toBeGreaterThanOrEqual(2);
  });

  it('never throws, and gives valid results that name the field they could not read', () => {
    const inputs = fc.oneof(...bases.map(oddSnapshot));
    fc.assert(fc.property(inputs, checkAll), { numRuns: 40 });
  });
});

/** The first snapshot of a provider with `edit` applied to a copy of its cluster. */
function edited<S extends ClusterSnapshot>(
  provider: S['provider'],
  edit: (cluster: Record<string, unknown>) => void,
): S {
  const base = SNAPSHOTS.find((s) => s.provider === provider) as S;
  const copy = structuredClone(base);
  edit(copy.cluster as unknown as Record<string, unknown>);
  return copy;
}

function resultsOf(id: string, snapshot: ClusterSnapshot) {
  const check = ALL_CHECKS.find((c) => c.meta.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return evaluateCheck(check, snapshot, ctx);
}

describe('odd values seen in real exports', () => {
  it('EKS health.issues null: the cluster health is unknown, naming the field', () => {
    const snapshot = edited('eks', (c) => {
      c['health'] = { issues: null };
    });
    const [cluster] = resultsOf('eks-health-issues', snapshot);
    expect(cluster?.status).toBe('unknown');
    expect(cluster?.message).toContain('cluster.health.issues');
  });

  it('EKS identity.oidc.issuer as a list: workload identity and IRSA trust are unknown, naming it', () => {
    const snapshot = edited('eks', (c) => {
      c['identity'] = { oidc: { issuer: [] } };
    });
    for (const id of ['eks-workload-identity-available', 'eks-irsa-trust-unscoped']) {
      const outcomes = resultsOf(id, snapshot);
      expect(outcomes.map((o) => o.status)).toEqual(['unknown']);
      expect(outcomes[0]?.message).toContain(
        'cluster.identity.oidc.issuer holds an empty list where the API returns a string',
      );
      expect(outcomes[0]?.evidence).toEqual([{ path: 'cluster.identity.oidc.issuer', value: [] }]);
    }
  });

  it('GKE networkConfig.network as a list: the default-network check is unknown, naming it', () => {
    const snapshot = edited('gke', (c) => {
      c['networkConfig'] = { network: [] };
    });
    const outcomes = resultsOf('gke-default-network', snapshot);
    expect(outcomes.map((o) => o.status)).toEqual(['unknown']);
    expect(outcomes[0]?.message).toContain('cluster.networkConfig.network holds an empty list');
  });

  it('a null field reads as absent, as the APIs mean it: GKE legacyAbac null is not enabled', () => {
    const snapshot = edited('gke', (c) => {
      c['legacyAbac'] = null;
    });
    expect(resultsOf('gke-legacy-abac', snapshot).map((o) => o.status)).toEqual(['pass']);
  });
});
