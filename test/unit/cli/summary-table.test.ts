import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../cli/summary-table';
import type { Finding } from '../../../core/finding';
import { summarize } from '../../../core/summary';

function finding(over: Partial<Finding>): Finding {
  return {
    id: 'x',
    checkId: 'eks-endpoint-public-access',
    provider: 'eks',
    cloud: 'aws',
    resourceId: 'arn:aws:eks:us-east-2:111122223333:cluster/a',
    resourceName: 'a',
    account: '111122223333',
    region: 'us-east-2',
    status: 'pass',
    severity: 'medium',
    title: 'EKS cluster API server endpoint is not publicly accessible',
    message: 'm',
    evidence: [],
    family: 'api-endpoint-exposure',
    categories: ['network'],
    remediation: { summary: 's' },
    frameworks: {},
    source: { kind: 'export', file: 'f', format: 'aws-eks-describe-cluster' },
    ...over,
  };
}

describe('formatSummary', () => {
  it('prints counts by provider and status, failures by severity and the failing checks', () => {
    const text = formatSummary(
      summarize([
        finding({ status: 'fail' }),
        finding({ status: 'fail', resourceId: 'b', resourceName: 'b' }),
        finding({
          checkId: 'eks-secrets-encryption',
          title: 'Secrets are encrypted',
          severity: 'high',
          status: 'fail',
        }),
        finding({ checkId: 'eks-deletion-protection', status: 'unknown' }),
        finding({ checkId: 'eks-endpoint-public-cidrs-open', status: 'not_applicable' }),
      ]),
    );
    expect(text).toBe(
      [
        '2 clusters, 5 results',
        '',
        'provider  pass  fail  unknown  n/a  total',
        '--------  ----  ----  -------  ---  -----',
        'eks          0     3        1    1      5',
        '',
        'Failures by severity: critical 0, high 1, medium 2, low 0, informational 0',
        '',
        'Failing checks',
        'severity  failed  check                       title',
        '--------  ------  -----                       -----',
        'high           1  eks-secrets-encryption      Secrets are encrypted',
        'medium         2  eks-endpoint-public-access  EKS cluster API server endpoint is not publicly accessible',
      ].join('\n'),
    );
  });

  it('says so when nothing was audited or nothing failed', () => {
    expect(formatSummary(summarize([]))).toBe('No results: no cluster was audited.');
    expect(formatSummary(summarize([finding({})]))).toContain('No check failed.');
  });
});
