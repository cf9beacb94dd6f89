import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import type { AksCheck } from '../../../core/check';
import { defaultAuditConfig } from '../../../core/config';
import { Finding } from '../../../core/finding';
import { pass } from '../../../core/outcome';
import { runChecks } from '../../../core/run-checks';
import { readExport } from '../../../providers/exports';

const ctx = { now: new Date('2026-11-28T03:00:00.000Z'), config: defaultAuditConfig() };

describe('runChecks on malformed input data', () => {
  function withFirstPool(name: unknown) {
    const json = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../samples/aks/orders-prod.json'), 'utf8'),
    ) as { properties: { agentPoolProfiles: { name: unknown }[] } };
    const pool = json.properties.agentPoolProfiles[0];
    if (pool) pool.name = name;
    return readExport(json, 'orders-prod.json');
  }

  it('turns results that would not be valid findings into one unknown per check', () => {
    // A check whose results name their subjects by an empty string.
    const base = ALL_CHECKS.find((c) => c.meta.id === 'aks-node-ssh') as AksCheck;
    const check: AksCheck = {
      meta: base.meta,
      evaluate: (s) =>
        (s.cluster.agentPoolProfiles ?? []).map((p) =>
          pass('Pool judged.', [], { type: 'agent-pool', id: p.name ?? '', name: '' }),
        ),
    };
    const findings = runChecks([check], withFirstPool(undefined), ctx);
    expect(findings).toHaveLength(1);
    expect(Finding.safeParse(findings[0]).success).toBe(true);
    expect(findings[0]).toMatchObject({ status: 'unknown', checkId: 'aks-node-ssh' });
    expect(findings[0]?.subject).toBeUndefined();
    expect(findings[0]?.message).toContain('could not give a valid result');
  });

  it('names a field of a kind the API never returns there, and keeps every other finding', () => {
    const findings = runChecks(ALL_CHECKS, withFirstPool({}), ctx);
    expect(findings.every((f) => Finding.safeParse(f).success)).toBe(true);
    const ssh = findings.filter((f) => f.checkId === 'aks-node-ssh');
    expect(ssh.map((f) => f.status)).toEqual(['unknown']);
    expect(ssh[0]?.message).toContain(
      'cluster.agentPoolProfiles[0].name holds an object where the API returns a string',
    );
    expect(ssh[0]?.evidence).toEqual([{ path: 'cluster.agentPoolProfiles[0].name', value: {} }]);
    expect(findings.filter((f) => f.checkId === 'aks-private-cluster')[0]?.status).not.toBe(
      'unknown',
    );
  });
});
