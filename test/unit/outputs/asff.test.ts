import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../../core/check';
import { ASFF_LIMITS, type AsffContext, productArn, toAsff } from '../../../outputs/asff';
import { contentHash } from '../../../outputs/securityhub-lifecycle';
import { aksFinding, eksFinding, gkeFinding } from '../../builders/finding';
import { fixture } from '../../fixture';
import { type ModelShape, validateShape } from '../../helpers/smithy-validate';

const model = fixture<{ shapes: Record<string, ModelShape> }>(
  'aws/securityhub/batch-import-findings-shapes.json',
);
const ctx: AsffContext = {
  account: '111122223333',
  region: 'eu-west-1',
  partition: 'aws',
  observedAt: new Date('2026-11-28T03:00:00.000Z'),
};

/** Model validation plus the length limits that live in the ASFF member docs. */
function problems(f: AwsSecurityFinding): string[] {
  const errors = validateShape(model.shapes, 'BatchImportFindingsRequest', { Findings: [f] });
  const tooLong = (what: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max)
      errors.push(`${what} is ${value.length} > ${max}`);
  };
  tooLong('Title', f.Title, ASFF_LIMITS.title);
  tooLong('Description', f.Description, ASFF_LIMITS.description);
  tooLong(
    'Recommendation.Text',
    f.Remediation?.Recommendation?.Text,
    ASFF_LIMITS.recommendationText,
  );
  for (const [k, v] of Object.entries(f.ProductFields ?? {})) {
    tooLong(`ProductFields.${k}`, v, ASFF_LIMITS.productFieldValue);
    if (k.startsWith('aws/')) errors.push(`ProductFields key ${k} uses the reserved aws/ prefix`);
  }
  for (const r of f.Resources ?? []) {
    tooLong('Resource.Region', r.Region, ASFF_LIMITS.resourceRegion);
    for (const v of Object.values(r.Details?.Other ?? {}))
      tooLong('Details.Other', v, ASFF_LIMITS.otherDetailValue);
  }
  if (!f.Severity?.Label) errors.push('Severity.Label is required by the ASFF guide');
  if (!f.Types?.length) errors.push('Types is required by the ASFF guide');
  return errors;
}

describe('toAsff', () => {
  it('maps an EKS failure to a valid finding of the custom-integration product', () => {
    const finding = eksFinding();
    const asff = toAsff(finding, ctx);
    expect(problems(asff)).toEqual([]);
    expect(asff).toMatchObject({
      SchemaVersion: '2018-10-08',
      Id: finding.id,
      ProductArn: 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default',
      GeneratorId: 'eks-endpoint-public-access',
      AwsAccountId: '111122223333',
      CreatedAt: '2026-11-28T03:00:00.000Z',
      UpdatedAt: '2026-11-28T03:00:00.000Z',
      Severity: { Label: 'MEDIUM', Original: 'medium' },
      Title: finding.title,
      Description: finding.message,
      Types: [
        'Software and Configuration Checks/Industry and Regulatory Standards/CIS EKS Benchmark v1.8.0',
      ],
      Compliance: {
        Status: 'FAILED',
        SecurityControlId: 'eks-endpoint-public-access',
        RelatedRequirements: ['CIS EKS Benchmark v1.8.0/5.4.2', 'aws-securityhub/EKS.1'],
      },
      RecordState: 'ACTIVE',
      Resources: [
        {
          Type: 'AwsEksCluster',
          Id: finding.resourceId,
          Partition: 'aws',
          Region: 'us-west-2',
          Details: { AwsEksCluster: { Arn: finding.resourceId, Name: 'my-eks-cluster' } },
        },
      ],
    });
    expect(asff.ProductFields?.['mk8s-audit/checkId']).toBe('eks-endpoint-public-access');
    expect(asff.Remediation?.Recommendation?.Url).toBe(finding.remediation.url);
    expect(asff.FindingProviderFields).toEqual({ Severity: asff.Severity, Types: asff.Types });
  });

  it('is deterministic: the same finding gives the same object', () => {
    expect(toAsff(eksFinding(), ctx)).toEqual(toAsff(eksFinding(), ctx));
  });

  it('keeps CreatedAt at the first observation and moves UpdatedAt', () => {
    const asff = toAsff(eksFinding(), {
      ...ctx,
      firstObservedAt: new Date('2026-11-01T03:00:00Z'),
    });
    expect(asff.CreatedAt).toBe('2026-11-01T03:00:00.000Z');
    expect(asff.FirstObservedAt).toBe('2026-11-01T03:00:00.000Z');
    expect(asff.UpdatedAt).toBe('2026-11-28T03:00:00.000Z');
  });

  it.each<[Status, string, string]>([
    ['fail', 'FAILED', 'HIGH'],
    ['unknown', 'WARNING', 'HIGH'],
    ['pass', 'PASSED', 'INFORMATIONAL'],
    ['not_applicable', 'NOT_AVAILABLE', 'INFORMATIONAL'],
  ])('maps status %s to Compliance.Status %s with severity %s', (status, compliance, label) => {
    const asff = toAsff(eksFinding({ status, severity: 'high' }), ctx);
    expect(problems(asff)).toEqual([]);
    expect(asff.Compliance?.Status).toBe(compliance);
    expect(asff.Severity).toEqual({ Label: label, Original: 'high' });
  });

  it('maps a GKE cluster in a long location to an Other resource without Partition or Region', () => {
    const finding = gkeFinding();
    const asff = toAsff(finding, ctx);
    expect(problems(asff)).toEqual([]);
    expect(asff.Resources).toEqual([
      {
        Type: 'Other',
        Id: finding.resourceId,
        Details: {
          Other: {
            cloud: 'gcp',
            service: 'GKE',
            project: 'acme-prod',
            location: 'northamerica-northeast1',
            clusterName: 'payments',
          },
        },
      },
    ]);
    expect(asff.AwsAccountId).toBe('111122223333');
    expect(asff.Compliance?.RelatedRequirements).toEqual(['CIS GKE Benchmark v1.9.0/5.8.4']);
  });

  it('maps an AKS cluster to an Other resource and a check without frameworks to the base type', () => {
    const asff = toAsff(aksFinding(), ctx);
    expect(problems(asff)).toEqual([]);
    expect(asff.Resources?.[0]?.Type).toBe('Other');
    expect(asff.Resources?.[0]?.Partition).toBeUndefined();
    expect(asff.Resources?.[0]?.Region).toBeUndefined();
    expect(asff.Resources?.[0]?.Details?.Other?.['subscription']).toBe(
      '00000000-0000-0000-0000-000000000001',
    );
    expect(asff.Types).toEqual([
      'Software and Configuration Checks/Industry and Regulatory Standards',
    ]);
    expect(asff.Compliance?.RelatedRequirements).toBeUndefined();
  });

  it('takes the partition from the cluster ARN and the product ARN from the context', () => {
    const finding = eksFinding({
      resourceId: 'arn:aws-cn:eks:cn-north-1:012345678910:cluster/c',
      region: 'cn-north-1',
    });
    const asff = toAsff(finding, { ...ctx, partition: 'aws-cn', region: 'cn-north-1' });
    expect(asff.Resources?.[0]?.Partition).toBe('aws-cn');
    expect(asff.ProductArn).toBe(
      productArn({ partition: 'aws-cn', region: 'cn-north-1', account: '111122223333' }),
    );
    expect(asff.ProductArn).toMatch(
      /^arn:aws-cn:securityhub:cn-north-1:111122223333:product\/111122223333\/default$/,
    );
  });

  it('adds the subject of a result as a second resource', () => {
    const subject = {
      type: 'AwsEksNodegroup',
      id: 'arn:aws:eks:us-west-2:012345678910:nodegroup/my-eks-cluster/ng1/abc',
      name: 'ng1',
    };
    const asff = toAsff(eksFinding({ subject }), ctx);
    expect(problems(asff)).toEqual([]);
    expect(asff.Resources).toHaveLength(2);
    expect(asff.Resources?.[1]).toMatchObject({
      Type: 'Other',
      Id: subject.id,
      Details: { Other: { type: 'AwsEksNodegroup', name: 'ng1' } },
    });
    expect(asff.ProductFields?.['mk8s-audit/subjectId']).toBe(subject.id);
  });

  it('truncates every over-long text to its limit with an ellipsis', () => {
    const long = (n: number) => 'x'.repeat(n);
    const finding = eksFinding({
      title: long(400),
      message: long(5000),
      remediation: { summary: long(900), cli: 'aws eks update-cluster-config' },
      evidence: [{ path: 'cluster.tags', value: long(10_000) }],
    });
    const asff = toAsff(finding, ctx);
    expect(problems(asff)).toEqual([]);
    expect(asff.Title).toHaveLength(256);
    expect(asff.Title?.endsWith('...')).toBe(true);
    expect(asff.Description).toHaveLength(1024);
    expect(asff.Remediation?.Recommendation?.Text).toHaveLength(512);
    expect(asff.ProductFields?.['mk8s-audit/evidence']).toHaveLength(2048);
  });

  it('the model check rejects a finding that misses a required member (the check can fail)', () => {
    const { Resources: _dropped, ...rest } = toAsff(eksFinding(), ctx);
    expect(problems(rest as AwsSecurityFinding)).toContain(
      'Findings[0].Resources: required by AwsSecurityFinding',
    );
  });
});

describe('toAsff with a mutelist exception', () => {
  const exception = {
    entry: 3,
    reason: 'Office CIDRs only (RISK-142)',
    owner: 'platform-team',
    expires: '2026-12-31',
  };

  it.each([
    ['EKS', eksFinding],
    ['GKE', gkeFinding],
    ['AKS', aksFinding],
  ])(
    '%s: a muted failure stays FAILED and carries the mute ProductFields and resource marker',
    (_n, make) => {
      const f = toAsff(make({ muted: true, exception: { ...exception, state: 'active' } }), ctx);
      expect(problems(f)).toEqual([]);
      expect(f.Compliance?.Status).toBe('FAILED');
      expect(f.ProductFields).toMatchObject({
        'mk8s-audit/muted': 'true',
        'mk8s-audit/muted-reason': 'Office CIDRs only (RISK-142)',
        'mk8s-audit/muted-owner': 'platform-team',
        'mk8s-audit/muted-expires': '2026-12-31',
        'mk8s-audit/muted-entry': '3',
      });
      expect(f.Resources?.[0]?.Details?.Other?.['mk8s-audit/muted']).toBe('true');
      // Provider-owned only: the workflow is the customer's (and the automation rule's).
      expect(f.Workflow).toBeUndefined();
    },
  );

  it('an expired exception says so; no exception, no mute fields', () => {
    const expired = toAsff(eksFinding({ exception: { ...exception, state: 'expired' } }), ctx);
    expect(expired.ProductFields?.['mk8s-audit/muted']).toBe('expired');
    expect(expired.Resources?.[0]?.Details?.Other).toEqual({ 'mk8s-audit/muted': 'expired' });
    const plain = toAsff(eksFinding(), ctx);
    expect(Object.keys(plain.ProductFields ?? {}).filter((k) => k.includes('muted'))).toEqual([]);
    expect(plain.Resources?.[0]?.Details?.Other).toBeUndefined();
  });
});

describe('a mutelist change re-imports the finding', () => {
  it('changes the content hash when an exception starts, expires and is removed', () => {
    const exception = { entry: 0, reason: 'r', owner: 'o', expires: '2026-12-31' };
    const hashes = [
      eksFinding(),
      eksFinding({ muted: true, exception: { ...exception, state: 'active' } }),
      eksFinding({ exception: { ...exception, state: 'expired' } }),
    ].map((f) => contentHash(toAsff(f, ctx)));
    expect(new Set(hashes).size).toBe(3);
    // The same exception on a later run: nothing to send.
    const later = { ...ctx, observedAt: new Date('2026-11-29T03:00:00.000Z') };
    const again = eksFinding({ muted: true, exception: { ...exception, state: 'active' } });
    expect(contentHash(toAsff(again, later))).toBe(hashes[1]);
  });
});
