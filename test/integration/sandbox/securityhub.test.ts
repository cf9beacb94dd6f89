import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  GetFindingsCommand,
  paginateGetFindings,
} from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { securityHubClient } from '../../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { ACCOUNT_A, ACCOUNT_B, awsEstate, REGION } from './estates';

const PRODUCT = `arn:aws:securityhub:${REGION}:${ACCOUNT_A}:product/${ACCOUNT_A}/default`;
const CLUSTER = `arn:aws:eks:${REGION}:${ACCOUNT_A}:cluster/c01`;

/** A finding as the ASFF docs require it: every required member, a cluster resource. */
function finding(id: string, changes: Record<string, unknown> = {}): AwsSecurityFinding {
  return {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: PRODUCT,
    GeneratorId: 'eks-endpoint-public-access',
    AwsAccountId: ACCOUNT_A,
    Types: [
      'Software and Configuration Checks/Industry and Regulatory Standards/CIS EKS Benchmark',
    ],
    CreatedAt: '2026-11-28T00:00:00Z',
    UpdatedAt: '2026-11-28T00:00:00Z',
    Severity: { Label: 'HIGH' },
    Title: 'EKS cluster c01 API endpoint is public to 0.0.0.0/0',
    Description: 'The cluster endpoint accepts connections from any address.',
    Resources: [{ Type: 'AwsEksCluster', Id: CLUSTER, Partition: 'aws', Region: REGION }],
    Compliance: { Status: 'FAILED', SecurityControlId: 'eks-endpoint-public-access' },
    RecordState: 'ACTIVE',
    ...changes,
  } as AwsSecurityFinding;
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ estate: awsEstate(1) });
});
afterAll(async () => {
  await sb.stop();
});
beforeEach(() => {
  sb.securityHub.clear();
});

describe('Security Hub BatchImportFindings validation against the official model', () => {
  it('rejects the invalid findings of a batch with InvalidInput and a message naming the field, importing the rest', async () => {
    const hub = securityHubClient(sb.url, { region: REGION });
    const out = await hub.send(
      new BatchImportFindingsCommand({
        Findings: [
          finding('ok-1'),
          finding('long-title', { Title: 'x'.repeat(257) }),
          finding('bad-status', { Compliance: { Status: 'BROKEN' } }),
          finding('no-resources', { Resources: undefined }),
          finding('gke-region', {
            Resources: [
              {
                Type: 'Other',
                Id: 'projects/p/locations/europe-west1/clusters/c',
                Region: 'europe-west1-b-long',
              },
            ],
          }),
          finding('ok-2', {
            Compliance: { Status: 'PASSED' },
            Severity: { Label: 'INFORMATIONAL' },
          }),
        ],
      }),
    );
    expect(out.SuccessCount).toBe(2);
    expect(out.FailedCount).toBe(4);
    const byId = Object.fromEntries((out.FailedFindings ?? []).map((f) => [f.Id, f]));
    expect(byId['long-title']).toEqual({
      Id: 'long-title',
      ErrorCode: 'InvalidInput',
      ErrorMessage:
        'Finding does not adhere to Amazon Finding Format. data.Title should NOT be longer than 256 characters',
    });
    expect(byId['bad-status']?.ErrorMessage).toContain(
      'data.Compliance.Status should be equal to one of the allowed values',
    );
    expect(byId['no-resources']?.ErrorMessage).toContain(
      "data should have required property 'Resources'",
    );
    expect(byId['gke-region']?.ErrorMessage).toContain(
      'data.Resources[0].Region should NOT be longer than 16 characters',
    );
    expect(sb.securityHub.all().map((f) => f['Id'])).toEqual(['ok-1', 'ok-2']);
    expect(sb.securityHub.imports).toEqual({ calls: 1, success: 2, failed: 4 });
  });

  it('checks list limits, the Severity rule and the 240 KB finding size', async () => {
    const hub = securityHubClient(sb.url, { region: REGION });
    const other = Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [`k${i}`, 'v'.repeat(1000)]),
    );
    const out = await hub.send(
      new BatchImportFindingsCommand({
        Findings: [
          finding('many-reqs', {
            Compliance: {
              Status: 'FAILED',
              RelatedRequirements: Array.from({ length: 33 }, (_, i) => `CIS ${i}`),
            },
          }),
          finding('no-severity', { Severity: {} }),
          finding('huge', { Resources: [{ Type: 'Other', Id: 'x', Details: { Other: other } }] }),
          finding('empty-title', { Title: ' ' }),
        ],
      }),
    );
    expect(out.SuccessCount).toBe(0);
    const messages = Object.fromEntries(
      (out.FailedFindings ?? []).map((f) => [f.Id, f.ErrorMessage]),
    );
    expect(messages['many-reqs']).toContain(
      'data.Compliance.RelatedRequirements should NOT have more than 32 items',
    );
    expect(messages['no-severity']).toContain(
      "data.Severity should have required property 'Label'",
    );
    expect(messages['huge']).toMatch(/the maximum allowed size for a finding is 240 KB/);
    expect(messages['empty-title']).toContain('data.Title should match pattern ".*\\S.*"');
  });

  it('refuses more than 100 findings in one call with InvalidInputException', async () => {
    const hub = securityHubClient(sb.url, { region: REGION });
    const findings = Array.from({ length: 101 }, (_, i) => finding(`f-${i}`));
    await expect(
      hub.send(new BatchImportFindingsCommand({ Findings: findings })),
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(sb.securityHub.size).toBe(0);
  });

  it('denies importing under another account’s default product ARN', async () => {
    const hub = securityHubClient(sb.url, { region: REGION, account: ACCOUNT_B });
    await expect(
      hub.send(new BatchImportFindingsCommand({ Findings: [finding('x')] })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});

describe('Security Hub GetFindings over the imported findings', () => {
  it('upserts by Id and ProductArn and filters and pages like the service', async () => {
    const hub = securityHubClient(sb.url, { region: REGION });
    await hub.send(
      new BatchImportFindingsCommand({ Findings: [finding('a'), finding('b'), finding('c')] }),
    );
    // Not newer than the stored UpdatedAt: ignored, as the service does.
    await hub.send(
      new BatchImportFindingsCommand({
        Findings: [finding('a', { Compliance: { Status: 'PASSED' } })],
      }),
    );
    expect(sb.securityHub.get('a')?.['Compliance']).toEqual({
      Status: 'FAILED',
      SecurityControlId: 'eks-endpoint-public-access',
    });
    await hub.send(
      new BatchImportFindingsCommand({
        Findings: [
          finding('a', {
            Compliance: { Status: 'PASSED' },
            Severity: { Label: 'INFORMATIONAL' },
            UpdatedAt: '2026-11-29T00:00:00Z',
          }),
        ],
      }),
    );
    expect(sb.securityHub.size).toBe(3);
    expect(sb.securityHub.events.map((e) => `${e.id} ${e.effect}`)).toEqual([
      'a created',
      'b created',
      'c created',
      'a stale',
      'a updated',
    ]);
    // The same store over HTTP, for tools outside the process.
    const dump = (await (await fetch(`${sb.url}/_sandbox/securityhub`)).json()) as {
      findings: unknown[];
      events: unknown[];
    };
    expect(dump.findings).toHaveLength(3);
    expect(dump.events).toHaveLength(5);
    const passed = await hub.send(
      new GetFindingsCommand({
        Filters: { ComplianceStatus: [{ Value: 'PASSED', Comparison: 'EQUALS' }] },
      }),
    );
    expect(passed.Findings?.map((f) => f.Id)).toEqual(['a']);
    expect(passed.Findings?.[0]?.Workflow?.Status).toBe('NEW');
    const ids: string[] = [];
    for await (const p of paginateGetFindings(
      { client: hub, pageSize: 2 },
      {
        Filters: { GeneratorId: [{ Value: 'eks-', Comparison: 'PREFIX' }] },
      },
    )) {
      ids.push(...(p.Findings ?? []).map((f) => f.Id ?? ''));
    }
    expect(ids).toEqual(['a', 'b', 'c']);
  });
});
