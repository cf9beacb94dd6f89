import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditorTemplate, renderDefinition } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

function definitionOf(template: Template): Record<string, unknown> {
  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  expect(machines).toHaveLength(1);
  return renderDefinition((machines[0] as Resource).Properties['DefinitionString']) as Record<
    string,
    unknown
  >;
}

describe('Mk8sAuditStack with the default configuration', () => {
  let template: Template;
  beforeAll(() => {
    template = auditorTemplate();
  }, 180_000);

  it('has no mutelist automation rules without a mutelist', () => {
    template.resourceCountIs('AWS::SecurityHub::AutomationRule', 0);
  });

  it('starts a run every day at 03:00 UTC, with retries and a dead-letter queue', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: { Ref: Match.stringLikeRegexp('^WorkflowStateMachine') },
        RetryPolicy: { MaximumEventAgeInSeconds: 7200, MaximumRetryAttempts: 5 },
        DeadLetterConfig: {
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduleDeadLetters'), 'Arn'] },
        },
      }),
    });
  });

  it('runs the three functions on nodejs24.x, arm64, traced, with Powertools settings', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Resource[];
    expect(functions).toHaveLength(3);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: expect.objectContaining({
            POWERTOOLS_SERVICE_NAME: 'mk8s-audit',
            POWERTOOLS_METRICS_NAMESPACE: 'mk8s-audit',
            FINDINGS_BUCKET: { Ref: expect.stringMatching(/^FindingsBucket/) },
            RUN_CONFIG: JSON.stringify({
              aws: { externalId: 'mk8s-audit' },
              securityHub: { enabled: true },
            }),
          }),
        },
      });
      // Stacks are source-mapped when formatted (the entries install it), not by Node at every
      // cold start: no NODE_OPTIONS=--enable-source-maps.
      expect(fn.Properties['Environment']).not.toHaveProperty(['Variables', 'NODE_OPTIONS']);
      expect(fn.Properties['Timeout']).toBeGreaterThanOrEqual(60);
      expect(fn.Properties['Timeout']).toBeLessThanOrEqual(900);
      expect(fn.Properties['MemorySize']).toBeGreaterThanOrEqual(512);
    }
    // Every function logs to a log group of its own, with retention.
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup')) as Resource[];
    expect(logGroups).toHaveLength(4);
    for (const group of logGroups) expect(group.Properties['RetentionInDays']).toBe(365);
  });

  it('gives publish the memory its Security Hub diff needs at 1,000 clusters (measured 1,492 MB)', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Resource[];
    const memory = Object.fromEntries(
      functions.map((fn) => [
        String(fn.Properties['Description']).split(':')[0],
        fn.Properties['MemorySize'],
      ]),
    );
    expect(memory).toEqual({ discover: 512, 'audit-target': 1024, publish: 3008 });
  });

  it('audits the targets in a Distributed Map that reads them from a JSON array in S3', () => {
    const definition = definitionOf(template);
    const states = definition['States'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(states)).toEqual([
      'Discover',
      'KeepKeys',
      'ForEachTarget',
      'Publish',
      'Done',
    ]);
    const map = states['ForEachTarget'] as Record<string, unknown>;
    expect(map).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 10,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'AuditTarget' },
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { Bucket: 'findings-bucket', 'Key.$': '$.itemsKey' },
      },
      ItemSelector: { 'run.$': '$.run', 'target.$': '$$.Map.Item.Value' },
      ResultWriter: { Parameters: { Bucket: 'findings-bucket', Prefix: 'map-results/' } },
      ResultPath: null,
    });
    // Only keys reach the Map: the targets themselves never enter the execution state.
    expect(states['KeepKeys']?.['Parameters']).toEqual({
      'run.$': '$.run',
      'itemsKey.$': '$.itemsKey',
    });
    expect(states['Publish']?.['Parameters']).toEqual({ 'run.$': '$.run' });
  });

  it('retries throttling and Lambda service errors with backoff, and records a failed target', () => {
    const definition = definitionOf(template);
    const states = definition['States'] as Record<string, Record<string, unknown>>;
    const inner = (states['ForEachTarget']!['ItemProcessor'] as Record<string, unknown>)[
      'States'
    ] as Record<string, Record<string, unknown>>;
    const tasks = [states['Discover'], inner['AuditTarget'], states['Publish']];
    for (const task of tasks) {
      const retry = (task!['Retry'] as Record<string, unknown>[])[0];
      expect(retry).toMatchObject({
        ErrorEquals: expect.arrayContaining([
          'Lambda.TooManyRequestsException',
          'Lambda.ServiceException',
        ]),
        BackoffRate: 2,
        JitterStrategy: 'FULL',
      });
      expect(retry?.['MaxAttempts']).toBeGreaterThanOrEqual(3);
    }
    expect(inner['AuditTarget']?.['Catch']).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RecordFailedTarget' },
    ]);
    expect(inner['RecordFailedTarget']).toMatchObject({
      Type: 'Pass',
      End: true,
      Parameters: { status: 'failed', 'target.$': '$.target', 'failure.$': '$.failure' },
    });
  });

  it('logs every state machine event and traces with X-Ray', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
  });

  it('keeps findings in a versioned, KMS-encrypted, private, access-logged bucket that survives the stack', () => {
    const buckets = template.findResources('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }),
          ],
        },
      },
    });
    const entries = Object.entries(buckets) as [string, Resource][];
    expect(entries).toHaveLength(1);
    const [, bucket] = entries[0]!;
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: expect.stringMatching(/^FindingsAccessLogs/) },
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^FindingsKey/), 'Arn'] },
            },
          },
        ],
      },
    });
    const rules = (
      bucket.Properties['LifecycleConfiguration'] as { Rules: Record<string, unknown>[] }
    ).Rules;
    expect(rules[0]).toMatchObject({
      Id: 'run-history',
      Prefix: 'runs/',
      Status: 'Enabled',
      Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
      NoncurrentVersionExpiration: { NoncurrentDays: 90 },
    });
    expect(rules[0]).not.toHaveProperty('ExpirationInDays');
    // Athena reads the history: it never moves to Glacier. Working files expire.
    expect(rules.find((r) => r['Id'] === 'findings-history')).toMatchObject({
      Prefix: 'findings-history/',
      Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
    });
    expect(rules.find((r) => r['Id'] === 'expire-map-results')).toMatchObject({
      ExpirationInDays: 30,
    });
    expect(rules.find((r) => r['Id'] === 'expire-athena-results')).toMatchObject({
      ExpirationInDays: 30,
    });
  });

  it('puts Athena over the findings history of the bucket', () => {
    template.resourceCountIs('AWS::Glue::Table', 1);
    template.resourceCountIs('AWS::Athena::WorkGroup', 1);
  });

  it('denies every request to either bucket that does not use TLS', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as Resource[];
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      const statements = (
        policy.Properties['PolicyDocument'] as { Statement: Record<string, unknown>[] }
      ).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('rotates every customer-managed KMS key', () => {
    const keys = Object.values(template.findResources('AWS::KMS::Key')) as Resource[];
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect(key.Properties['EnableKeyRotation']).toBe(true);
  });

  it('alarms on failed runs, failed targets and schedule dead letters, to an SNS topic without e-mail', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    expect(alarms).toHaveLength(3);
    for (const alarm of alarms) {
      expect(alarm.Properties['AlarmActions']).toEqual([
        { Ref: expect.stringMatching(/^AlarmsTopic/) },
      ]);
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'mk8s-audit',
      MetricName: 'FailedTargets',
      Dimensions: [{ Name: 'service', Value: 'mk8s-audit' }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'failed + timedOut + aborted' })]),
    });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('Mk8sAuditStack with a custom configuration', () => {
  const template = auditorTemplate({
    schedule: { cron: '30 22 ? * MON-FRI *', timeZone: 'Europe/Berlin', enabled: false },
    maxConcurrency: 40,
    alarmEmail: 'secops@example.com',
    logRetentionDays: 90,
    findings: { infrequentAccessAfterDays: 60, glacierAfterDays: 180, expireAfterDays: 2557 },
  });

  it('uses the configured schedule, concurrency, e-mail, retention and lifecycle', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 22 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      State: 'DISABLED',
    });
    const states = definitionOf(template)['States'] as Record<string, Record<string, unknown>>;
    expect(states['ForEachTarget']?.['MaxConcurrency']).toBe(40);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'secops@example.com',
    });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Id: 'run-history',
            ExpirationInDays: 2557,
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: 60 },
              { StorageClass: 'GLACIER', TransitionInDays: 180 },
            ],
          }),
        ]),
      },
    });
  });
});
