import { describe, expect, it } from 'vitest';
import { aksEncryptionAtHost as check } from '../../../../checks/aks/aks-encryption-at-host';
import { aksCluster, aksFixtureCluster, aksSnapshot, evaluateAks } from '../../../builders/aks';

describe('aks-encryption-at-host', () => {
  it('passes the private-cluster example, whose pool encrypts at host', () => {
    expect(
      evaluateAks(check, aksSnapshot(aksFixtureCluster('managed-cluster-private.json'))).map(
        (r) => r.status,
      ),
    ).toEqual(['pass']);
  });
  it('fails each pool without it, even when another pool has it (Steampipe "any pool" bug)', () => {
    const cluster = aksCluster((c) => {
      const p = c.agentPoolProfiles![0]!;
      c.agentPoolProfiles = [
        { ...p, name: 'enc', enableEncryptionAtHost: true },
        { ...p, name: 'plain' },
      ];
    });
    expect(
      evaluateAks(check, aksSnapshot(cluster)).map((r) => [r.subject?.name, r.status]),
    ).toEqual([
      ['enc', 'pass'],
      ['plain', 'fail'],
    ]);
  });
  it('is unknown without pools', () => {
    expect(
      evaluateAks(
        check,
        aksSnapshot(
          aksCluster((c) => {
            delete c.agentPoolProfiles;
          }),
        ),
      )[0]?.status,
    ).toBe('unknown');
  });
});
