import { describe, expect, it } from 'vitest';
import { eksEcrScanning as check } from '../../../../checks/eks/eks-ecr-scanning';
import { collected } from '../../../../core/snapshot';
import type { EksEcrRepository, EksEcrScanningConfiguration } from '../../../../core/snapshot-eks';
import { repository } from '../../../builders/ecr';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';

/** A GetRegistryScanningConfiguration answer in the shape of the ECR API model. */
function config(
  scanType: 'BASIC' | 'ENHANCED',
  filters: string[],
  scanFrequency = 'SCAN_ON_PUSH',
): EksEcrScanningConfiguration {
  return {
    registryId: '111122223333',
    scanningConfiguration: {
      scanType,
      rules:
        filters.length > 0
          ? [
              {
                scanFrequency: scanFrequency as 'SCAN_ON_PUSH',
                repositoryFilters: filters.map((filter) => ({
                  filter,
                  filterType: 'WILDCARD' as const,
                })),
              },
            ]
          : [],
    },
  };
}

function snapshot(scanning: EksEcrScanningConfiguration, repos?: EksEcrRepository[]) {
  return eksSnapshot(describeClusterExample(), {
    ecrScanningConfiguration: collected(scanning, ['ecr:GetRegistryScanningConfiguration']),
    ...(repos ? { ecrRepositories: collected(repos, ['ecr:DescribeRepositories']) } : {}),
  });
}

describe('eks-ecr-scanning', () => {
  it('passes a registry rule that covers every repository', () => {
    expect(evaluateOne(check, snapshot(config('ENHANCED', ['*'], 'CONTINUOUS_SCAN'))).status).toBe(
      'pass',
    );
  });

  it('fails repositories no rule covers and that do not scan on push', () => {
    const result = evaluateOne(
      check,
      snapshot(config('BASIC', ['prod-*']), [
        repository('prod-api'),
        repository('dev-api'),
        repository('legacy', { scanOnPush: true }),
      ]),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('dev-api');
    expect(result.message).not.toContain('prod-api');
    expect(result.message).not.toContain('legacy');
  });

  it('ignores MANUAL rules', () => {
    expect(
      evaluateOne(check, snapshot(config('BASIC', ['*'], 'MANUAL'), [repository('api')])).status,
    ).toBe('fail');
  });

  it('is not applicable without repositories, unknown without the configuration', () => {
    expect(evaluateOne(check, snapshot(config('BASIC', []), [])).status).toBe('not_applicable');
    expect(evaluateOne(check, eksSnapshot()).status).toBe('unknown');
    expect(evaluateOne(check, snapshot(config('BASIC', []))).status).toBe('unknown');
  });
});
