import { describe, expect, it } from 'vitest';
import { findCheck } from '../../../checks/index';
import { ASFF_LIMITS, relatedRequirements, toAsff } from '../../../outputs/asff';
import { toOcsf } from '../../../outputs/ocsf';
import { eksFinding } from '../../builders/finding';

const ctx = {
  account: '111122223333',
  region: 'eu-west-1',
  partition: 'aws' as const,
  observedAt: new Date('2026-11-28T03:00:00.000Z'),
};

describe('framework requirements in ASFF and OCSF', () => {
  it('carries the mapped frameworks of a registry check, in Security Hub’s spelling', () => {
    const check = findCheck('eks-endpoint-public-access');
    const finding = eksFinding({ frameworks: check?.meta.frameworks ?? {} });
    const related = toAsff(finding, ctx).Compliance?.RelatedRequirements ?? [];
    expect(related[0]).toBe('CIS EKS Benchmark v1.8.0/5.4.2');
    expect(related).toEqual(
      expect.arrayContaining([
        'PCI DSS v4.0.1/1.4.4',
        'NIST.800-53.r5 SC-7',
        'SOC 2/CC6.6',
        'HIPAA/164.312(a)(1)',
        'ISO/IEC 27001:2022/A.8.20',
      ]),
    );
    expect(related.length).toBeLessThanOrEqual(ASFF_LIMITS.relatedRequirements);
  });

  it('keeps CIS first and every framework represented when more than 32 are cited', () => {
    const many = (prefix: string) => Array.from({ length: 20 }, (_, i) => `${prefix}${i + 1}`);
    const related = relatedRequirements({
      frameworks: {
        'nist-800-53-r5': many('AC-'),
        'cis-eks-1.8.0': ['5.4.1', '5.4.2'],
        'pci-dss-4.0.1': many('1.3.'),
        'soc2-2017': ['CC6.1', 'CC6.6'],
      },
    });
    expect(related).toHaveLength(32);
    expect(related.slice(0, 2)).toEqual([
      'CIS EKS Benchmark v1.8.0/5.4.1',
      'CIS EKS Benchmark v1.8.0/5.4.2',
    ]);
    // Turns: one of each framework (alphabetical) per turn, each framework's list in its order.
    expect(related.slice(2, 8)).toEqual([
      'NIST.800-53.r5 AC-1',
      'PCI DSS v4.0.1/1.3.1',
      'SOC 2/CC6.1',
      'NIST.800-53.r5 AC-2',
      'PCI DSS v4.0.1/1.3.2',
      'SOC 2/CC6.6',
    ]);
    expect(related.filter((r) => r.startsWith('NIST'))).toHaveLength(14);
    expect(related.filter((r) => r.startsWith('PCI'))).toHaveLength(14);
  });

  it('lists every mapped requirement in OCSF compliance.requirements (no 32 cap there)', () => {
    const check = findCheck('aks-azure-rbac');
    const frameworks = check?.meta.frameworks ?? {};
    const ocsf = toOcsf(eksFinding({ frameworks }), {
      productVersion: '0.0.0',
      time: ctx.observedAt,
    });
    const requirements = (ocsf as { compliance: { requirements: string[] } }).compliance
      .requirements;
    expect(requirements).toHaveLength(Object.values(frameworks).flat().length);
    expect(requirements).toContain('hipaa-security-rule:164.312(a)(1)');
  });
});
