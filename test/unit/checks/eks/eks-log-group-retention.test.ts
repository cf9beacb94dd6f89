import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { eksLogGroupRetention as check } from '../../../../checks/eks/eks-log-group-retention';
import { AuditConfig } from '../../../../core/config';
import { collected } from '../../../../core/snapshot';
import type { Wire } from '../../../../core/wire';
import {
  describeClusterExample,
  eksSnapshot,
  evalContext,
  evaluateOne,
} from '../../../builders/eks';

/** A DescribeLogGroups entry in the shape of the CloudWatch Logs API model (2014-03-28). */
function logGroup(retentionInDays?: number, kmsKeyId?: string): Wire<LogGroup> {
  return {
    logGroupName: '/aws/eks/my-eks-cluster/cluster',
    creationTime: 1710430304348,
    metricFilterCount: 0,
    arn: 'arn:aws:logs:us-east-2:111122223333:log-group:/aws/eks/my-eks-cluster/cluster:*',
    storedBytes: 73483,
    logGroupClass: 'STANDARD',
    logGroupArn: 'arn:aws:logs:us-east-2:111122223333:log-group:/aws/eks/my-eks-cluster/cluster',
    ...(retentionInDays === undefined ? {} : { retentionInDays }),
    ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
  };
}

const KEY = 'arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const withGroups = (groups: Wire<LogGroup>[], cluster = describeClusterExample()) =>
  eksSnapshot(cluster, { controlPlaneLogGroup: collected(groups, ['logs:DescribeLogGroups']) });

describe('eks-log-group-retention', () => {
  it('passes a group kept a year under a KMS key', () => {
    const result = evaluateOne(check, withGroups([logGroup(365, KEY)]));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { path: 'parts.controlPlaneLogGroup.value[0].retentionInDays', value: 365 },
      { path: 'parts.controlPlaneLogGroup.value[0].kmsKeyId', value: KEY },
    ]);
  });

  it('passes a group that never expires (retentionInDays absent)', () => {
    expect(evaluateOne(check, withGroups([logGroup(undefined, KEY)])).message).toContain('forever');
  });

  it('fails short retention and a missing KMS key, saying both', () => {
    const result = evaluateOne(check, withGroups([logGroup(30)]));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('30 days (at least 365 required)');
    expect(result.message).toContain('kmsKeyId absent');
  });

  it('honours the configured minimum', () => {
    const ctx = {
      ...evalContext(),
      config: AuditConfig.parse({ eks: { logRetentionMinDays: 30 } }),
    };
    expect(evaluateOne(check, withGroups([logGroup(30, KEY)]), ctx).status).toBe('pass');
  });

  it('fails when logging is on but the group does not exist', () => {
    expect(evaluateOne(check, withGroups([])).status).toBe('fail');
  });

  it('is not applicable when no log type is enabled', () => {
    const cluster = describeClusterExample();
    cluster.logging = { clusterLogging: [{ types: ['api', 'audit'], enabled: false }] };
    expect(evaluateOne(check, withGroups([], cluster)).status).toBe('not_applicable');
  });

  it('is unknown when the log group was not looked up', () => {
    expect(evaluateOne(check, eksSnapshot()).message).toContain('logs:DescribeLogGroups');
  });
});
