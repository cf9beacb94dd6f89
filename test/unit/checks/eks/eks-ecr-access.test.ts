import { describe, expect, it } from 'vitest';
import { eksEcrAccess as check } from '../../../../checks/eks/eks-ecr-access';
import { collected } from '../../../../core/snapshot';
import type { EksEcrRepository } from '../../../../core/snapshot-eks';
import { repository } from '../../../builders/ecr';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';

const PUBLIC = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowPull',
      Effect: 'Allow',
      Principal: '*',
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    },
  ],
});
const ACCOUNT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowPull',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: ['ecr:BatchGetImage'],
    },
  ],
});

function snapshot(
  repos: EksEcrRepository[],
  policies?: { repositoryName: string; policyText?: string }[],
) {
  return eksSnapshot(describeClusterExample(), {
    ecrRepositories: collected(repos, ['ecr:DescribeRepositories']),
    ...(policies
      ? { ecrRepositoryPolicies: collected(policies, ['ecr:GetRepositoryPolicy']) }
      : {}),
  });
}

describe('eks-ecr-access', () => {
  it('passes immutable repositories with account-scoped or no policies', () => {
    const result = evaluateOne(
      check,
      snapshot(
        [repository('api'), repository('web')],
        [{ repositoryName: 'api', policyText: ACCOUNT }, { repositoryName: 'web' }],
      ),
    );
    expect(result.status).toBe('pass');
  });

  it('fails a repository open to "*" and one with mutable tags', () => {
    const result = evaluateOne(
      check,
      snapshot(
        [repository('api'), repository('web', { mutable: true })],
        [{ repositoryName: 'api', policyText: PUBLIC }, { repositoryName: 'web' }],
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain("api's policy allows any principal");
    expect(result.message).toContain('web has mutable tags');
  });

  it('is unknown when the policies were not read, unless something already fails', () => {
    expect(evaluateOne(check, snapshot([repository('api')])).status).toBe('unknown');
    expect(evaluateOne(check, snapshot([repository('api', { mutable: true })])).status).toBe(
      'fail',
    );
  });

  it('is not applicable without repositories', () => {
    expect(evaluateOne(check, snapshot([], [])).status).toBe('not_applicable');
  });
});
