import { Aws, type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  DefinitionBody,
  DistributedMap,
  Errors,
  JsonPath,
  LogLevel,
  Pass,
  StateMachine,
  Succeed,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag';
import { RUNS_PREFIX } from './auditor-permissions';
import { invokeStep, MapResultsWriter, TargetsReader } from './workflow-tasks';

/** Map Run results (one small record per target) go here, not into the execution state. */
export const MAP_RESULTS_PREFIX = 'map-results/';

export interface AuditWorkflowProps {
  readonly discover: IFunction;
  readonly auditTarget: IFunction;
  readonly publish: IFunction;
  /** Holds each run's Map items (a JSON array of targets) and the Map Run results. */
  readonly bucket: IBucket;
  /** The bucket's KMS key: the Map reads its items and writes its results through it. */
  readonly key: IKey;
  /** Targets audited at once. */
  readonly maxConcurrency: number;
  readonly logRetention: RetentionDays;
}

/**
 * discover → Distributed Map over the run's targets (read from a JSON array discover stores
 * next to `targets.json`, so the number of targets is not bounded by the 256 KiB state limit)
 * → publish. Steps pass S3 keys.
 * A target whose audit still fails after retries is caught and recorded as failed; publish
 * sees it has no result and counts it as a failed target. The run itself goes on.
 */
export class AuditWorkflow extends Construct {
  public readonly stateMachine: StateMachine;

  public constructor(scope: Construct, id: string, props: AuditWorkflowProps) {
    super(scope, id);
    const { bucket, key } = props;

    const discover = invokeStep(this, 'Discover', props.discover, Duration.minutes(15), {
      executionName: JsonPath.executionName,
      startedAt: JsonPath.stringAt('$$.Execution.StartTime'),
      input: JsonPath.objectAt('$'),
    });

    const auditTarget = invokeStep(this, 'AuditTarget', props.auditTarget, Duration.minutes(15), {
      run: JsonPath.objectAt('$.run'),
      target: JsonPath.objectAt('$.target'),
    });
    const recordFailure = new Pass(this, 'RecordFailedTarget', {
      comment: 'The audit of this target failed after retries: recorded, the run goes on.',
      parameters: {
        status: 'failed',
        target: JsonPath.objectAt('$.target'),
        // The whole error object ({Error, Cause}); selecting its fields would fail if one is absent.
        failure: JsonPath.objectAt('$.failure'),
      },
    });
    auditTarget.addCatch(recordFailure, { errors: [Errors.ALL], resultPath: '$.failure' });

    const perTarget = new DistributedMap(this, 'ForEachTarget', {
      comment: 'Audit every target of the run; the items are a JSON array of targets in S3.',
      maxConcurrency: props.maxConcurrency,
      itemReader: new TargetsReader({ bucket, key: JsonPath.stringAt('$.itemsKey') }),
      itemSelector: {
        run: JsonPath.objectAt('$.run'),
        target: JsonPath.objectAt('$$.Map.Item.Value'),
      },
      resultWriterV2: new MapResultsWriter({ bucket, prefix: MAP_RESULTS_PREFIX }),
      // Every item catches its own failure, so a failure here is Step Functions' own.
      toleratedFailurePercentage: 0,
      resultPath: JsonPath.DISCARD,
    });
    perTarget.itemProcessor(auditTarget);

    const publish = invokeStep(this, 'Publish', props.publish, Duration.minutes(15), {
      run: JsonPath.objectAt('$.run'),
    });

    const definition = discover
      .next(
        new Pass(this, 'KeepKeys', {
          comment: 'Keep only the run and the S3 key of its Map items in the state.',
          parameters: {
            run: JsonPath.objectAt('$.run'),
            itemsKey: JsonPath.stringAt('$.itemsKey'),
          },
        }),
      )
      .next(perTarget)
      .next(publish)
      .next(new Succeed(this, 'Done'));

    const logs = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'mk8s-audit run: discover targets, audit each, publish findings.',
      definitionBody: DefinitionBody.fromChainable(definition),
      timeout: Duration.hours(6),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    this.grantMapAccess(bucket, key);
    this.acknowledge(props);
  }

  /** The Map reads its items under runs/ and writes its results under map-results/. */
  private grantMapAccess(bucket: IBucket, key: IKey): void {
    const sm = this.stateMachine;
    sm.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [bucket.arnForObjects(`${RUNS_PREFIX}*`)],
      }),
    );
    sm.addToRolePolicy(
      new PolicyStatement({
        actions: [
          's3:PutObject',
          's3:GetObject',
          's3:ListMultipartUploadParts',
          's3:AbortMultipartUpload',
        ],
        resources: [bucket.arnForObjects(`${MAP_RESULTS_PREFIX}*`)],
      }),
    );
    sm.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } },
      }),
    );
  }

  private acknowledge(props: AuditWorkflowProps): void {
    const stack = Stack.of(this);
    const logicalId = (c: Construct) => stack.getLogicalId(c.node.defaultChild as CfnElement);
    const ack = (finding: string, reason: string) =>
      acknowledgeNag(this.stateMachine, `AwsSolutions-IAM5[${finding}]`, reason);
    for (const fn of [props.discover, props.auditTarget, props.publish]) {
      ack(
        `Resource::<${logicalId(fn)}.Arn>:*`,
        'Invoking the function by any version or alias of this one function (CDK LambdaInvoke grant).',
      );
    }
    ack(
      'Resource::*',
      'X-Ray tracing and CloudWatch Logs log delivery (logs:*LogDelivery*, DescribeLogGroups) support no resource-level permissions.',
    );
    const bucketId = logicalId(props.bucket);
    ack(
      `Resource::<${bucketId}.Arn>/${RUNS_PREFIX}*`,
      'The Map reads the target list of whichever run it is running; run ids are known only at run time.',
    );
    ack(
      `Resource::<${bucketId}.Arn>/${MAP_RESULTS_PREFIX}*`,
      'Step Functions writes Map Run results under a folder named by the Map Run id.',
    );
    const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${logicalId(this.stateMachine)}"}]}]}`;
    const mapReason =
      'A Distributed Map starts and manages child executions of its own state machine only; their names are generated at run time.';
    ack(`Resource::${executions}:*`, mapReason);
    ack(`Resource::${executions}/*:*`, mapReason);
  }
}
