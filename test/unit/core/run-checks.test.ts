import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { defaultAuditConfig } from '../../../core/config';
import { Finding } from '../../../core/finding';
import { runChecks } from '../../../core/run-checks';
import { readExport } from '../../../providers/exports';

const ctx = { now: new Date('2026-11-28T03:00:00.000Z'), config: defaultAuditConfig() };

describe('runChecks on malformed input data', () => {
  it('turns a result that would not be a valid finding into one unknown per check', () => {
    // An exported AKS cluster whose first agent pool is named by an object, not a string.
    const json = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../samples/aks/orders-prod.json'), 'utf8'),
    ) as { properties: { agentPoolProfiles: { name: unknown }[] } };
    const pool = json.properties.agentPoolProfiles[0];
    if (pool) pool.name = {};
    const findings = runChecks(ALL_CHECKS, readExport(json, 'orders-prod.json'), ctx);

    expect(findings.every((f) => Finding.safeParse(f).success)).toBe(true);
    const invalid = findings.filter((f) => f.message.includes('could not give a valid result'));
    expect(invalid.map((f) => f.checkId).sort()).toContain('aks-node-ssh');
    expect(invalid.every((f) => f.status === 'unknown' && f.subject === undefined)).toBe(true);
    expect(new Set(invalid.map((f) => f.checkId)).size).toBe(invalid.length);
  });
});
