import { tmpdir } from 'node:os';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AccountPrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findingsBucketName,
  KEY_ADMIN_ACTIONS,
  useThroughS3,
} from '../../infra/constructs/key-policy';
import { ConfigError, loadDeploymentConfig } from '../../infra/load-config';
import { buildApp, render } from './synth';

const READER = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/SecurityAuditor';
const READER_2 = 'arn:aws:iam::444455556666:role/EvidenceDownload';

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal: { AWS?: unknown; Service?: string } | '*';
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

function keyStatements(template: Template, logicalIdPrefix: string): Statement[] {
  const keys = Object.entries(template.findResources('AWS::KMS::Key')).filter(([id]) =>
    id.startsWith(logicalIdPrefix),
  );
  expect(keys).toHaveLength(1);
  return keys[0]?.[1]['Properties']['KeyPolicy']['Statement'] as Statement[];
}

const actions = (s: Statement) => [s.Action].flat().sort();
const principal = (s: Statement) =>
  s.Principal === '*' ? '*' : render(s.Principal.AWS ?? s.Principal.Service);
/** Conditions with every value rendered (`Fn::Join` joined, `Ref X` as `<X>`). */
const conditions = (s: Statement) =>
  Object.fromEntries(
    Object.entries(s.Condition ?? {}).map(([op, keys]) => [
      op,
      Object.fromEntries(
        Object.entries(keys).map(([k, v]) => [k, Array.isArray(v) ? v.map(render) : render(v)]),
      ),
    ]),
  );

const ROOT = 'arn:<AWS::Partition>:iam::<AWS::AccountId>:root';
const USE = /^kms:(Encrypt|Decrypt|ReEncrypt|GenerateDataKey|CreateGrant|Sign|GenerateMac|\*)/;
const VIA_S3 = 's3.<AWS::Region>.amazonaws.com';
const BUCKET_ARN =
  'arn:<AWS::Partition>:s3:::mk8sauditstack-findings-<AWS::AccountId>-<AWS::Region>';
const S3_USE = (who: string) => ({
  actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
  principal: who,
  conditions: {
    StringEquals: { 'kms:ViaService': VIA_S3 },
    StringLike: { 'kms:EncryptionContext:aws:s3:arn': [BUCKET_ARN, `${BUCKET_ARN}/*`] },
  },
});
const useRow = (s: Statement) => ({
  actions: actions(s),
  principal: principal(s),
  conditions: conditions(s),
});

describe('KMS key policies of Mk8sAuditStack', () => {
  let template: Template;
  let withReaders: Template;
  beforeAll(() => {
    template = Template.fromStack(buildApp({ alarmEmail: 'secops@example.com' }).auditor);
    withReaders = Template.fromStack(buildApp({ findingsReaders: [READER, READER_2] }).auditor);
  }, 180_000);

  it('give the account administration of every key and no use of it, so IAM alone cannot decrypt', () => {
    const keys = Object.values(template.findResources('AWS::KMS::Key'));
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const statements = key['Properties']['KeyPolicy']['Statement'] as Statement[];
      const rootStatements = statements.filter((s) => principal(s) === ROOT);
      expect(rootStatements).toHaveLength(1);
      expect(actions(rootStatements[0] as Statement)).toEqual([...KEY_ADMIN_ACTIONS].sort());
      for (const s of statements) {
        expect(s.Effect).toBe('Allow');
        expect(principal(s)).not.toBe('*');
        expect(principal(s)).not.toContain('*');
        if (principal(s) === ROOT) expect(actions(s).filter((a) => USE.test(a))).toEqual([]);
        // Every other statement is a use statement with conditions.
        else expect(Object.keys(s.Condition ?? {})).not.toEqual([]);
      }
    }
  });

  it('findings key: each of the stack roles that touch the bucket, by name, only through S3 and only for this bucket', () => {
    const statements = keyStatements(template, 'FindingsKey');
    const uses = statements.filter((s) => principal(s) !== ROOT);
    expect(uses.map((s) => s.Sid)).toEqual([
      'DiscoverUsesKeyThroughS3',
      'AuditTargetUsesKeyThroughS3',
      'PublishUsesKeyThroughS3',
      'WorkflowUsesKeyThroughS3',
    ]);
    expect(uses.map(useRow)).toEqual([
      S3_USE(expect.stringMatching(/^<DiscoverRole\w+\.Arn>$/)),
      S3_USE(expect.stringMatching(/^<AuditTargetRole\w+\.Arn>$/)),
      S3_USE(expect.stringMatching(/^<PublishRole\w+\.Arn>$/)),
      S3_USE(expect.stringMatching(/^<WorkflowStateMachineRole\w+\.Arn>$/)),
    ]);
    // The name in the conditions is the bucket's own name.
    const bucket = Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('FindingsBucket'),
    )?.[1];
    expect(`arn:<AWS::Partition>:s3:::${render(bucket?.['Properties']['BucketName'])}`).toBe(
      BUCKET_ARN,
    );
  });

  it('findings key: every role whose IAM policy uses the key is named in the key policy, and no other', () => {
    const usersByIam = new Set<string>();
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
      const statements = policy['Properties']['PolicyDocument']['Statement'] as {
        Action: string | string[];
        Resource: unknown;
      }[];
      const usesKey = statements.some(
        (s) =>
          [s.Action].flat().some((a) => USE.test(a)) &&
          [s.Resource].flat().some((r) => /^<FindingsKey\w+\.Arn>$/.test(render(r))),
      );
      if (!usesKey) continue;
      for (const role of policy['Properties']['Roles'] as unknown[]) {
        usersByIam.add(render(role).replace(/^<(\w+)>$/, '<$1.Arn>'));
      }
    }
    const named = keyStatements(template, 'FindingsKey')
      .filter((s) => principal(s) !== ROOT)
      .map(principal);
    expect(usersByIam.size).toBe(4);
    expect([...named].sort()).toEqual([...usersByIam].sort());
  });

  it('findings key: configured readers are added, each by its ARN, through S3 for this bucket only', () => {
    const uses = keyStatements(withReaders, 'FindingsKey').filter((s) =>
      s.Sid?.startsWith('Reader'),
    );
    expect(uses.map((s) => [s.Sid, useRow(s)])).toEqual([
      ['Reader1UsesKeyThroughS3', S3_USE(READER)],
      ['Reader2UsesKeyThroughS3', S3_USE(READER_2)],
    ]);
    expect(keyStatements(template, 'FindingsKey').map((s) => s.Sid)).not.toContain(
      'Reader1UsesKeyThroughS3',
    );
  });

  it('alarm key: CloudWatch only, for the stack alarms publishing to the alarm topic, in this account', () => {
    const statements = keyStatements(template, 'AlarmsTopicKey');
    const uses = statements.filter((s) => principal(s) !== ROOT);
    expect(uses).toHaveLength(1);
    const [cloudwatch] = uses as [Statement];
    expect(principal(cloudwatch)).toBe('cloudwatch.amazonaws.com');
    expect(actions(cloudwatch)).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
    const topics = Object.values(template.findResources('AWS::SNS::Topic'));
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(3);
    const prefix = 'arn:<AWS::Partition>:cloudwatch:<AWS::Region>:<AWS::AccountId>:alarm:';
    expect(conditions(cloudwatch)).toEqual({
      StringEquals: {
        'aws:SourceAccount': '<AWS::AccountId>',
        'kms:EncryptionContext:aws:sns:topicArn': `arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:${topics[0]?.['Properties']['TopicName']}`,
      },
      ArnLike: {
        'aws:SourceArn': alarms.map((a) => `${prefix}${a['Properties']['AlarmName']}`),
      },
    });
    // The names in the conditions are the resources' own names.
    expect(topics[0]?.['Properties']['TopicName']).toBe('Mk8sAuditStack-alarms');
    expect(alarms.map((a) => a['Properties']['AlarmName'])).toEqual([
      'Mk8sAuditStack-RunFailed',
      'Mk8sAuditStack-TargetsFailed',
      'Mk8sAuditStack-ScheduleDeadLetters',
    ]);
    for (const alarm of alarms) {
      expect(render(alarm['Properties']['AlarmActions'])).toMatch(/AlarmsTopic/);
    }
  });

  it('leave no circular dependency (Template checks; the key policy names the bucket and topic by name)', () => {
    // Template.fromStack refuses a template with a dependency cycle; both were built above.
    expect(Object.keys(template.toJSON()['Resources']).length).toBeGreaterThan(30);
    expect(Object.keys(withReaders.toJSON()['Resources']).length).toBeGreaterThan(30);
  });

  it('the cycle check catches a key policy that refers to the bucket resource its key encrypts', () => {
    const stack = new Stack(new App(), 'Cyclic');
    const key = new Key(stack, 'Key');
    const bucket = new Bucket(stack, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: key,
    });
    key.addToResourcePolicy(useThroughS3('Reader', new AccountPrincipal('1'), bucket.bucketArn));
    expect(() => Template.fromStack(stack)).toThrow(/cycl/i);
  });
});

describe('findings bucket name', () => {
  it('is <stack>-findings-<account>-<region>, shortened with a hash for long stack names', () => {
    const name = (stackName: string) => {
      const stack = new Stack(new App(), stackName);
      return render(stack.resolve(findingsBucketName(stack)));
    };
    expect(name('Mk8sAuditStack')).toBe('mk8sauditstack-findings-<AWS::AccountId>-<AWS::Region>');
    const long = name('Mk8sAuditStack-Production-Security-Tooling');
    const prefix = long.replace(/-findings-.*$/, '');
    expect(prefix).toMatch(/^mk8sauditstack-pr-[0-9a-f]{6}$/);
    // 63 characters with a 12-digit account and a 16-character Region code.
    expect(`${prefix}-findings-111122223333-${'r'.repeat(16)}`.length).toBeLessThanOrEqual(63);
    expect(name('Mk8sAuditStack-Production-Security-Staging')).not.toBe(long);
  });
});

describe('findingsReaders configuration', () => {
  const load = (value: unknown) => () =>
    loadDeploymentConfig({
      context: (k) => (k === 'mk8s-audit' ? value : undefined),
      cwd: tmpdir(),
    });

  it('defaults to none and keeps the ARNs given', () => {
    expect(load({})().findingsReaders).toEqual([]);
    expect(load({ findingsReaders: [READER] })().findingsReaders).toEqual([READER]);
  });

  it.each([
    [{ findingsReader: [READER] }, /Unrecognized key.*"findingsReader"/],
    [{ findingsReaders: READER }, /findingsReaders: /],
    [{ findingsReaders: ['SecurityAuditor'] }, /findingsReaders\.0: must be an IAM role ARN/],
    [
      { findingsReaders: ['arn:aws:iam::111122223333:user/alice'] },
      /findingsReaders\.0: must be an IAM role ARN/,
    ],
    [{ findingsReaders: ['arn:aws:iam::*:role/x'] }, /findingsReaders\.0: must be an IAM role ARN/],
    [{ findingsReaders: [READER, READER] }, /findingsReaders: must not list a role twice/],
  ])('refuses %j with a message naming the key', (value, message) => {
    expect(load(value)).toThrow(ConfigError);
    expect(load(value)).toThrow(message);
  });
});
