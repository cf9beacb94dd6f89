import { describe, expect, it } from 'vitest';
import { eksAccessEntryClusterAdmin as check } from '../../../../checks/eks/eks-access-entry-cluster-admin';
import { AuditConfig } from '../../../../core/config';
import { collected } from '../../../../core/snapshot';
import type { EksAccessEntry } from '../../../../core/snapshot-eks';
import {
  associatedAccessPoliciesExample,
  describeAccessEntryExample,
  describeClusterExample,
  eksSnapshot,
  evalContext,
  evaluateOne,
} from '../../../builders/eks';

const OPS = [
  'eks:ListAccessEntries',
  'eks:DescribeAccessEntry',
  'eks:ListAssociatedAccessPolicies',
];

/** The docs' admin-policy association, given to `principalArn` (default: the docs' role/Admin). */
function adminEntry(
  principalArn?: string,
  scope: 'cluster' | 'namespace' = 'cluster',
): EksAccessEntry {
  const listed = associatedAccessPoliciesExample();
  const entry = {
    ...describeAccessEntryExample(),
    principalArn: principalArn ?? listed.principalArn,
  };
  const associatedAccessPolicies = listed.associatedAccessPolicies.map((a) => ({
    ...a,
    accessScope:
      scope === 'cluster' ? a.accessScope : { type: 'namespace' as const, namespaces: ['team-a'] },
  }));
  return { entry, associatedAccessPolicies };
}

function withEntries(entries: EksAccessEntry[], errors = false) {
  return eksSnapshot(describeClusterExample(), {
    accessEntries: collected(
      entries,
      OPS,
      errors
        ? [
            {
              operation: 'eks:DescribeAccessEntry',
              resource: 'arn:aws:iam::111122223333:role/x',
              code: 'ThrottlingException',
              message: 'Rate exceeded',
            },
          ]
        : [],
    ),
  });
}

describe('eks-access-entry-cluster-admin', () => {
  it('passes the docs association: AmazonEKSAdminPolicy for a same-account role', () => {
    const result = evaluateOne(check, withEntries([adminEntry()]));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('arn:aws:iam::111122223333:role/Admin');
    expect(result.evidence).toContainEqual({
      path: 'parts.accessEntries.value[0].associatedAccessPolicies[0].policyArn',
      value: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy',
    });
  });

  it('fails cluster-wide admin for the docs IAM user', () => {
    const user = describeAccessEntryExample().principalArn;
    const result = evaluateOne(check, withEntries([adminEntry(user)]));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('eks-admin-user is an IAM user');
  });

  it('fails cluster-wide admin for a role of another account', () => {
    const result = evaluateOne(
      check,
      withEntries([adminEntry('arn:aws:iam::444455556666:role/Admin')]),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('account 444455556666');
  });

  it('ignores admin policies scoped to namespaces', () => {
    const user = describeAccessEntryExample().principalArn;
    const result = evaluateOne(check, withEntries([adminEntry(user, 'namespace')]));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('no access entry with a cluster-wide admin policy');
  });

  it('fails when more entries hold cluster-wide admin than configured', () => {
    const entries = ['a', 'b', 'c'].map((n) => adminEntry(`arn:aws:iam::111122223333:role/${n}`));
    expect(evaluateOne(check, withEntries(entries)).status).toBe('pass');
    const ctx = {
      ...evalContext(),
      config: AuditConfig.parse({ eks: { maxClusterAdminEntries: 2 } }),
    };
    const result = evaluateOne(check, withEntries(entries), ctx);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('3 entries hold cluster-wide admin (at most 2 allowed)');
  });

  it('is not applicable in CONFIG_MAP mode, where access entries do not exist', () => {
    const cluster = describeClusterExample();
    cluster.accessConfig = { authenticationMode: 'CONFIG_MAP' };
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('not_applicable');
  });

  it('is unknown when access entries were not collected, or partly failed without a finding', () => {
    expect(evaluateOne(check, eksSnapshot()).status).toBe('unknown');
    const result = evaluateOne(check, withEntries([adminEntry()], true));
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('ThrottlingException');
  });
});
