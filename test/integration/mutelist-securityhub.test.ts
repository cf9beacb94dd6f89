import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AwsSecurityFinding,
  CreateAutomationRuleCommand,
  GetFindingsCommand,
} from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index';
import { silentLogger } from '../../core/logger';
import type { Mutelist } from '../../core/mutelist';
import { createFsStore } from '../../outputs/fs-store';
import { EXPIRED_NOTE, MUTE_NOTE, muteAutomationRules } from '../../outputs/securityhub-mute-rules';
import { givenMutelist } from '../../pipeline/mutelist-source';
import { parseRunConfig } from '../../pipeline/run-config';
import { runLocal } from '../../pipeline/run-local';
import type { ObjectStore } from '../../pipeline/types';
import { createAwsCollector } from '../../providers/aws/collector';
import { awsClientConfig, securityHubClient } from '../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { ACCOUNT_A, awsEstate, REGION } from './sandbox/estates';

/**
 * The Security Hub round trip of a mutelist on the sandbox: the stack's automation rules created
 * through the API, the pipeline run on two days with the real SDK clients, and the findings read
 * back with GetFindings.
 */

const HUB_REGION = 'us-east-1';
const CLUSTER = 'c01';
const MUTELIST: Mutelist = {
  entries: [
    {
      checks: ['eks-endpoint-public-access'],
      clusters: [CLUSTER],
      reason: 'Office CIDRs only until the VPN cut-over (RISK-142)',
      owner: 'platform-team',
      expires: '2026-12-31',
    },
  ],
};

let sandbox: Sandbox;
let store: ObjectStore;
let dir: string;
const hub = () => securityHubClient(sandbox.url, { region: HUB_REGION });

async function runOn(day: string, mutelist: Mutelist | undefined): Promise<void> {
  const client = hub();
  const { credentials } = awsClientConfig(sandbox.url);
  try {
    await runLocal(
      parseRunConfig({ aws: { accounts: [ACCOUNT_A], regions: [REGION] } }),
      {
        store,
        collectors: {
          aws: createAwsCollector({
            endpoint: sandbox.url,
            credentials,
            assumeRole: { roleName: 'mk8s-audit-read' },
          }),
        },
        checks: ALL_CHECKS,
        clock: () => new Date(`${day}T03:00:00.000Z`),
        logger: silentLogger,
        securityHub: { client, account: ACCOUNT_A, region: HUB_REGION, partition: 'aws' },
        ...(mutelist ? { mutelist: givenMutelist(mutelist, 'mutelist.yaml') } : {}),
      },
      { runId: `run-${day}`, date: day },
    );
  } finally {
    client.destroy();
  }
}

async function finding(checkId: string, cluster: string): Promise<AwsSecurityFinding> {
  const client = hub();
  try {
    const out = await client.send(
      new GetFindingsCommand({
        Filters: {
          GeneratorId: [{ Value: checkId, Comparison: 'EQUALS' }],
          ResourceId: [
            {
              Value: `arn:aws:eks:${REGION}:${ACCOUNT_A}:cluster/${cluster}`,
              Comparison: 'EQUALS',
            },
          ],
        },
      }),
    );
    expect(out.Findings).toHaveLength(1);
    return out.Findings?.[0] as AwsSecurityFinding;
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ estate: awsEstate(2) });
  dir = await mkdtemp(join(tmpdir(), 'mk8s-mute-hub-'));
  store = createFsStore(dir);
  const client = hub();
  try {
    for (const rule of muteAutomationRules()) {
      await client.send(new CreateAutomationRuleCommand(rule));
    }
  } finally {
    client.destroy();
  }
}, 60_000);
afterAll(async () => {
  await sandbox?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a mutelist through Security Hub (sandbox)', () => {
  it('on the entry`s last day: the muted failure is imported FAILED with its ProductFields and suppressed by the rule', async () => {
    await runOn('2026-12-31', MUTELIST);
    const muted = await finding('eks-endpoint-public-access', CLUSTER);
    expect(muted.Compliance?.Status).toBe('FAILED');
    expect(muted.ProductFields).toMatchObject({
      'mk8s-audit/muted': 'true',
      'mk8s-audit/muted-reason': 'Office CIDRs only until the VPN cut-over (RISK-142)',
      'mk8s-audit/muted-owner': 'platform-team',
      'mk8s-audit/muted-expires': '2026-12-31',
    });
    expect(muted.Workflow?.Status).toBe('SUPPRESSED');
    expect(muted.Note).toMatchObject({ Text: MUTE_NOTE, UpdatedBy: 'mk8s-audit mutelist' });
    // The same check on the other cluster is not covered.
    const other = await finding('eks-endpoint-public-access', 'c02');
    expect(other.Workflow?.Status).toBe('NEW');
    expect(other.ProductFields?.['mk8s-audit/muted']).toBeUndefined();
  });

  it('the day after: re-imported unmuted, the suppress rule no longer matches and the finding is open again', async () => {
    await runOn('2027-01-01', MUTELIST);
    const reopened = await finding('eks-endpoint-public-access', CLUSTER);
    expect(reopened.Compliance?.Status).toBe('FAILED');
    expect(reopened.ProductFields).toMatchObject({
      'mk8s-audit/muted': 'expired',
      'mk8s-audit/muted-expires': '2026-12-31',
    });
    expect(reopened.Workflow?.Status).toBe('NEW');
    expect(reopened.Note?.Text).toBe(EXPIRED_NOTE);
  });

  it('once the entry is removed: no mute fields, and the finding stays open', async () => {
    await runOn('2027-01-02', { entries: [] });
    const plain = await finding('eks-endpoint-public-access', CLUSTER);
    expect(plain.ProductFields?.['mk8s-audit/muted']).toBeUndefined();
    expect(plain.Workflow?.Status).toBe('NEW');
  });

  it('the sandbox refuses a rule whose criteria it cannot evaluate, naming them', async () => {
    const client = hub();
    try {
      const [rule] = muteAutomationRules();
      await expect(
        client.send(
          new CreateAutomationRuleCommand({
            ...(rule as NonNullable<typeof rule>),
            Criteria: { NoteText: [{ Value: 'x', Comparison: 'EQUALS' }] },
          }),
        ),
      ).rejects.toThrow('does not evaluate the automation rule criteria NoteText');
    } finally {
      client.destroy();
    }
  });
});
