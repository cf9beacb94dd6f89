import { describe, expect, it } from 'vitest';
import { eksClusterTagged as check } from '../../../../checks/eks/eks-cluster-tagged';
import { AuditConfig } from '../../../../core/config';
import {
  clusterExample,
  describeClusterExample,
  eksSnapshot,
  evalContext,
  evaluateOne,
} from '../../../builders/eks';

const requiring = (keys: string[]) => ({
  ...evalContext(),
  config: AuditConfig.parse({ eks: { requiredTagKeys: keys } }),
});

describe('eks-cluster-tagged', () => {
  it('passes on the docs example, which carries user tags besides aws: ones', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('pass');
    expect(result.message).toContain('auto-delete');
    expect(result.message).not.toContain('aws:cloudformation');
    expect(result.evidence[0]?.path).toBe('cluster.tags');
  });

  it('fails the create-cluster docs example, which has no tags (field absent)', () => {
    const result = evaluateOne(check, eksSnapshot(clusterExample('create-cluster.2.json')));
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([{ path: 'cluster.tags', value: null, absent: true }]);
  });

  it('fails when only aws: system tags are present', () => {
    const cluster = describeClusterExample();
    cluster.tags = { 'aws:cloudformation:stack-name': 'eksctl-my-eks-cluster-cluster' };
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('only aws: system tags');
  });

  it('fails when a required key is missing and passes when all are present', () => {
    const missing = evaluateOne(check, eksSnapshot(), requiring(['owner', 'Name']));
    expect(missing.status).toBe('fail');
    expect(missing.message).toContain('owner');
    expect(missing.message).not.toContain('Name,');
    expect(evaluateOne(check, eksSnapshot(), requiring(['Name', 'auto-delete'])).status).toBe(
      'pass',
    );
  });

  it('compares required keys case-sensitively, as AWS does', () => {
    expect(evaluateOne(check, eksSnapshot(), requiring(['name'])).status).toBe('fail');
  });
});
