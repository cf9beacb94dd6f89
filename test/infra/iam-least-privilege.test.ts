import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks';
import {
  HISTORY_PREFIX,
  REPORTS_PREFIX,
  RUNS_PREFIX,
  STATE_PREFIX,
} from '../../infra/constructs/auditor-permissions';
import { LEGACY_STATE_KEY, stateKey } from '../../outputs/securityhub-state';
import { findingsLinesKey, keys, reportKeys } from '../../pipeline/keys';
import { EKS_PART_OPERATIONS } from '../../providers/aws/eks-parts';
import {
  AWS_AUDITOR_DISCOVERY_ACTIONS,
  awsCollectorActions,
  memberRoleActions,
} from '../../providers/aws/permissions';
import { auditorTemplate, render } from './synth';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
interface Grant {
  where: string;
  action: string;
  resources: string[];
  condition: string;
}

/** Every Allow statement of every identity policy in the template, one row per action. */
function grants(template: Template): Grant[] {
  const rows: Grant[] = [];
  const add = (where: string, doc: unknown) => {
    for (const s of (doc as { Statement: Statement[] }).Statement) {
      if (s.Effect !== 'Allow') continue;
      const resources = (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map(render);
      for (const action of [s.Action].flat()) {
        rows.push({ where, action, resources, condition: JSON.stringify(s.Condition ?? {}) });
      }
    }
  };
  for (const [id, r] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
    add(id, r['Properties']['PolicyDocument']);
  }
  for (const [id, r] of Object.entries(template.findResources('AWS::IAM::Role'))) {
    for (const p of r['Properties']['Policies'] ?? [])
      add(`${id}/${p.PolicyName}`, p.PolicyDocument);
    expect(r['Properties']['ManagedPolicyArns'] ?? []).toEqual([]);
  }
  expect(template.findResources('AWS::IAM::ManagedPolicy')).toEqual({});
  return rows;
}

const READ_ONLY = /^[a-z0-9-]+:(Get|List|Describe|BatchGet)[A-Za-z]*$/;
const FINDINGS_OBJECTS = /^<FindingsBucket\w+\.Arn>\/(runs|reports|findings-history|state)\/\*$/;
const MAP_RESULTS = /^<FindingsBucket\w+\.Arn>\/map-results\/\*$/;
const OWN_LOG_GROUP = /^<\w+Logs\w+\.Arn>$/;
const OWN_FUNCTION = /^<(Discover|AuditTarget|Publish)Fn\w+\.Arn>(:\*)?$/;
const FINDINGS_KEY_VIA_S3 = (g: Grant) =>
  g.resources.every((r) => /^<FindingsKey\w+\.Arn>$/.test(r)) &&
  g.condition.includes('kms:ViaService');

/**
 * The only actions that change something, and where each may be allowed. Everything else
 * must be read-only, and read-only actions on `*` must be the collectors' or discovery's.
 */
const ALLOWED_CHANGES: Record<string, (g: Grant) => boolean> = {
  's3:PutObject': (g) => g.resources.every((r) => FINDINGS_OBJECTS.test(r) || MAP_RESULTS.test(r)),
  's3:AbortMultipartUpload': (g) => g.resources.every((r) => MAP_RESULTS.test(r)),
  'kms:GenerateDataKey': FINDINGS_KEY_VIA_S3,
  'kms:Decrypt': FINDINGS_KEY_VIA_S3,
  'logs:CreateLogStream': (g) => g.resources.every((r) => OWN_LOG_GROUP.test(r)),
  'logs:PutLogEvents': (g) => g.resources.every((r) => OWN_LOG_GROUP.test(r)),
  'securityhub:BatchImportFindings': (g) =>
    g.resources.every(
      (r) =>
        r ===
        'arn:<AWS::Partition>:securityhub:<AWS::Region>:<AWS::AccountId>:product/<AWS::AccountId>/default',
    ),
  'sts:AssumeRole': (g) =>
    g.resources.every((r) => r === 'arn:<AWS::Partition>:iam::*:role/mk8s-audit-read'),
  'lambda:InvokeFunction': (g) => g.resources.every((r) => OWN_FUNCTION.test(r)),
  // EventBridge Scheduler starts the run; the Distributed Map starts and stops its child runs.
  'states:StartExecution': (g) => g.resources.every((r) => r.includes('WorkflowStateMachine')),
  'states:StopExecution': (g) => g.resources.every((r) => r.includes('WorkflowStateMachine')),
  'states:RedriveExecution': (g) => g.resources.every((r) => r.includes('WorkflowStateMachine')),
  'sqs:SendMessage': (g) => g.resources.every((r) => /^<ScheduleDeadLetters\w+\.Arn>$/.test(r)),
  // Tracing and the state machine's log delivery: no resource-level permissions exist.
  'xray:PutTraceSegments': (g) => g.resources.every((r) => r === '*'),
  'xray:PutTelemetryRecords': (g) => g.resources.every((r) => r === '*'),
  'logs:CreateLogDelivery': (g) => g.where.startsWith('WorkflowStateMachineRole'),
  'logs:UpdateLogDelivery': (g) => g.where.startsWith('WorkflowStateMachineRole'),
  'logs:DeleteLogDelivery': (g) => g.where.startsWith('WorkflowStateMachineRole'),
  'logs:PutResourcePolicy': (g) => g.where.startsWith('WorkflowStateMachineRole'),
};

describe('IAM of Mk8sAuditStack', () => {
  const rows = grants(auditorTemplate());

  it('grants no wildcard action and no action outside the allowed writes and reads', () => {
    expect(rows.length).toBeGreaterThan(20);
    const collector = new Set([...awsCollectorActions(), ...AWS_AUDITOR_DISCOVERY_ACTIONS]);
    const violations = rows.filter((g) => {
      if (g.action.includes('*')) return true;
      const rule = ALLOWED_CHANGES[g.action];
      if (rule !== undefined) return !rule(g);
      if (!READ_ONLY.test(g.action)) return true;
      // Reads on everything are only the collectors', discovery's and the service plumbing's.
      const onEverything = g.resources.includes('*');
      const plumbing = /^(xray|logs):/.test(g.action);
      return onEverything && !collector.has(g.action) && !plumbing;
    });
    expect(violations).toEqual([]);
  });

  it('writes objects only under runs/ (the functions), reports/, findings-history/ and state/ (publish), map-results/ (the Map)', () => {
    const puts = rows.filter((g) => g.action === 's3:PutObject');
    expect(puts.map((g) => [g.where.replace(/[0-9A-F]{8}$/, ''), g.resources])).toEqual([
      ['PermissionsDiscoverPolicy', [expect.stringMatching(/Bucket\w+\.Arn>\/runs\/\*$/)]],
      ['PermissionsAuditTargetPolicy', [expect.stringMatching(/Bucket\w+\.Arn>\/runs\/\*$/)]],
      [
        'PermissionsPublishPolicy',
        [
          expect.stringMatching(/Bucket\w+\.Arn>\/findings-history\/\*$/),
          expect.stringMatching(/Bucket\w+\.Arn>\/reports\/\*$/),
          expect.stringMatching(/Bucket\w+\.Arn>\/runs\/\*$/),
          expect.stringMatching(/Bucket\w+\.Arn>\/state\/\*$/),
        ],
      ],
      [
        'WorkflowStateMachineRoleDefaultPolicy',
        [expect.stringMatching(/Bucket\w+\.Arn>\/map-results\/\*$/)],
      ],
    ]);
  });

  it('lets discover, audit-target and (owner-account mode) publish assume member roles, and only publish import to Security Hub', () => {
    expect(rows.filter((g) => g.action === 'sts:AssumeRole').map((g) => g.where)).toEqual([
      expect.stringMatching(/^PermissionsDiscoverPolicy/),
      expect.stringMatching(/^PermissionsAuditTargetPolicy/),
      expect.stringMatching(/^PermissionsPublishPolicy/),
    ]);
    const central = grants(auditorTemplate({ audit: { securityHub: { mode: 'central' } } }));
    expect(
      central.filter((g) => g.action === 'sts:AssumeRole').map((g) => g.where),
    ).not.toContainEqual(expect.stringMatching(/^PermissionsPublishPolicy/));
    expect(rows.filter((g) => g.action.startsWith('securityhub:')).map((g) => g.where)).toEqual([
      expect.stringMatching(/^PermissionsPublishPolicy/),
    ]);
  });

  it('gives the audit-target role the collector actions, named one by one', () => {
    const audit = rows.filter((g) => g.where.startsWith('PermissionsAuditTargetPolicy'));
    const actions = audit.map((g) => g.action);
    expect(actions).toEqual(expect.arrayContaining(awsCollectorActions()));
  });

  it('drops the Security Hub grant when Security Hub import is off', () => {
    const off = grants(auditorTemplate({ audit: { securityHub: { enabled: false } } }));
    expect(off.filter((g) => g.action.startsWith('securityhub:'))).toEqual([]);
  });
});

describe('the bucket prefixes granted', () => {
  it('hold every key the pipeline writes', () => {
    const run = { runId: 'r1', date: '2026-11-28' };
    const target = { cloud: 'aws' as const, account: '111122223333', region: 'eu-west-1' };
    const written = [
      keys.targets(run),
      keys.snapshot(run, target),
      keys.targetFindings(run, target),
      keys.targetResult(run, target),
      keys.findings(run),
      keys.summary(run),
      ...Object.values(reportKeys),
      findingsLinesKey(run),
    ];
    written.push(stateKey('aws:111122223333/eu-west-1'), LEGACY_STATE_KEY);
    const granted = [RUNS_PREFIX, REPORTS_PREFIX, HISTORY_PREFIX, STATE_PREFIX];
    expect(written.filter((k) => !granted.some((p) => k.startsWith(p)))).toEqual([]);
    expect(Object.values(reportKeys).every((k) => k.startsWith(REPORTS_PREFIX))).toBe(true);
  });
});

describe('providers/aws/permissions.ts', () => {
  it('grants every operation of every snapshot part the collector fills', () => {
    const listed = new Set(awsCollectorActions());
    const parts = [...Object.values(EKS_PART_OPERATIONS).flat()];
    expect(parts.filter((a) => !listed.has(a))).toEqual([]);
    expect(listed).toContain('eks:ListClusters');
    expect(listed).toContain('eks:DescribeCluster');
  });

  it('grants the checks every call that decides them, where a collector makes it', () => {
    // Checks may read optional parts no collector fills yet; those reads are reported as
    // not collected, and need no grant until the collector calls them.
    const collected = new Set([
      'eks:ListClusters',
      'eks:DescribeCluster',
      ...Object.values(EKS_PART_OPERATIONS).flat(),
    ]);
    const reads = ALL_CHECKS.filter((c) => c.meta.provider === 'eks').flatMap((c) => c.meta.reads);
    expect(reads.filter((a) => collected.has(a) && !awsCollectorActions().includes(a))).toEqual([]);
  });

  it('lists only read-only actions, for the auditor and the member role', () => {
    expect(memberRoleActions().filter((a) => !READ_ONLY.test(a))).toEqual([]);
    expect(AWS_AUDITOR_DISCOVERY_ACTIONS.filter((a) => !READ_ONLY.test(a))).toEqual([]);
  });
});
