import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from './synth';

function findingsBucket(raw: unknown): Record<string, unknown> {
  const buckets = Template.fromStack(buildApp(raw).auditor).findResources('AWS::S3::Bucket');
  const entry = Object.entries(buckets).find(([id]) => id.startsWith('FindingsBucket'));
  return (entry?.[1]['Properties'] ?? {}) as Record<string, unknown>;
}

describe('S3 Object Lock on the findings bucket (optional)', () => {
  it('is off by default', () => {
    const bucket = findingsBucket({});
    expect(bucket['ObjectLockEnabled']).toBeUndefined();
    expect(bucket['ObjectLockConfiguration']).toBeUndefined();
  }, 180_000);

  it('objectLock.retentionDays: governance mode with that default retention, on a versioned bucket', () => {
    const bucket = findingsBucket({ objectLock: { retentionDays: 400 } });
    expect(bucket['ObjectLockEnabled']).toBe(true);
    expect(bucket['ObjectLockConfiguration']).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 400 } },
    });
    expect(bucket['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
  });

  it.each([
    [{ retentionDays: 0 }, /objectLock\.retentionDays|"retentionDays"/],
    [{ retentionDays: 36_501 }, /36500/],
    [{ retentionDays: 30, mode: 'COMPLIANCE' }, /GOVERNANCE/],
    [{ retentionDays: 30, legalHold: true }, /legalHold/],
  ])('refuses %j', (objectLock, message) => {
    expect(() => buildApp({ objectLock })).toThrow(message);
  });
});
