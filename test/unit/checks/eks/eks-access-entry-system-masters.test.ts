import { describe, expect, it } from 'vitest';
import { eksAccessEntrySystemMasters as check } from '../../../../checks/eks/eks-access-entry-system-masters';
import { collected } from '../../../../core/snapshot';
import type { EksAccessEntry } from '../../../../core/snapshot-eks';
import {
  describeAccessEntryExample,
  describeClusterExample,
  eksSnapshot,
  evaluateOne,
} from '../../../builders/eks';
import { fixture } from '../../../fixture';

const nodeEntry = (): EksAccessEntry['entry'] =>
  fixture<{ accessEntry: EksAccessEntry['entry'] }>('aws/eks/create-access-entry.2.json')
    .accessEntry;

const withEntries = (entries: EksAccessEntry['entry'][]) =>
  eksSnapshot(describeClusterExample(), {
    accessEntries: collected(
      entries.map((entry) => ({ entry, associatedAccessPolicies: [] })),
      ['eks:ListAccessEntries', 'eks:DescribeAccessEntry'],
    ),
  });

describe('eks-access-entry-system-masters', () => {
  it('passes the docs entries (a user without groups, a node role in system:nodes)', () => {
    const result = evaluateOne(check, withEntries([describeAccessEntryExample(), nodeEntry()]));
    expect(result.status).toBe('pass');
    expect(result.evidence[0]?.value).toEqual([[], ['system:nodes']]);
  });

  it('fails an entry in system:masters', () => {
    const entry = { ...describeAccessEntryExample(), kubernetesGroups: ['system:masters'] };
    const result = evaluateOne(check, withEntries([nodeEntry(), entry]));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('arn:aws:iam::111122223333:user/eks-admin-user');
    expect(result.evidence).toContainEqual({
      path: 'parts.accessEntries.value[1].entry.kubernetesGroups',
      value: ['system:masters'],
    });
  });

  it('is not applicable in CONFIG_MAP mode and unknown when entries were not collected', () => {
    const cluster = describeClusterExample();
    cluster.accessConfig = { authenticationMode: 'CONFIG_MAP' };
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('not_applicable');
    expect(evaluateOne(check, eksSnapshot()).status).toBe('unknown');
  });
});
