import { Aws, Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, POWERTOOLS_SERVICE } from './auditor-function';
import { administeredKeyPolicy } from './key-policy';

/** The metric `publish` emits: discovered targets without a usable result in the run. */
export const FAILED_TARGETS_METRIC = 'FailedTargets';

/** The alarms of a deployment; their names are `<stack>-<id>`. */
const ALARM_IDS = ['RunFailed', 'TargetsFailed', 'ScheduleDeadLetters'] as const;
type AlarmId = (typeof ALARM_IDS)[number];

export interface AuditAlarmsProps {
  readonly stateMachine: IStateMachine;
  readonly scheduleDeadLetters: IQueue;
  /** Subscribed to the alarm topic when set. */
  readonly email?: string;
}

/**
 * Tells a person when a run did not happen or did not cover everything: failed, timed-out or
 * aborted executions, targets that could not be audited, and schedule starts that gave up.
 */
export class AuditAlarms extends Construct {
  public readonly topic: Topic;
  public readonly alarms: Alarm[];
  private readonly namePrefix: string;

  public constructor(scope: Construct, id: string, props: AuditAlarmsProps) {
    super(scope, id);
    // Names fixed from the stack name, so the key policy can name the topic and the alarms
    // without depending on them (they depend on the key).
    this.namePrefix = Stack.of(this).stackName;
    const topicName = `${this.namePrefix}-alarms`;
    const arn = (service: string, resource: string) =>
      `arn:${Aws.PARTITION}:${service}:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
    // CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key. It may use
    // this key only for our alarms (aws:SourceArn) publishing to this topic (SNS's encryption
    // context), in this account; nothing else may use it.
    const key = new Key(this, 'TopicKey', {
      description: 'mk8s-audit alarm topic',
      enableKeyRotation: true,
      policy: administeredKeyPolicy(),
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToAlarmTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: {
            'aws:SourceAccount': Aws.ACCOUNT_ID,
            'kms:EncryptionContext:aws:sns:topicArn': arn('sns', topicName),
          },
          ArnLike: {
            'aws:SourceArn': ALARM_IDS.map((a) => arn('cloudwatch', `alarm:${this.alarmName(a)}`)),
          },
        },
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      topicName,
      displayName: 'mk8s-audit alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email !== undefined) {
      this.topic.addSubscription(new EmailSubscription(props.email));
    }

    const sm = props.stateMachine;
    const failedRuns = new MathExpression({
      label: 'Failed, timed-out or aborted runs',
      expression: 'failed + timedOut + aborted',
      usingMetrics: {
        failed: sm.metricFailed({ statistic: 'Sum' }),
        timedOut: sm.metricTimedOut({ statistic: 'Sum' }),
        aborted: sm.metricAborted({ statistic: 'Sum' }),
      },
      period: Duration.hours(1),
    });
    const failedTargets = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: FAILED_TARGETS_METRIC,
      dimensionsMap: { service: POWERTOOLS_SERVICE },
      statistic: 'Sum',
      period: Duration.hours(1),
    });
    const deadLetters = props.scheduleDeadLetters.metricApproximateNumberOfMessagesVisible({
      statistic: 'Maximum',
      period: Duration.minutes(15),
    });

    this.alarms = [
      this.alarm('RunFailed', failedRuns, 'An mk8s-audit run failed, timed out or was aborted.'),
      this.alarm(
        'TargetsFailed',
        failedTargets,
        'An mk8s-audit run could not audit one or more targets.',
      ),
      this.alarm(
        'ScheduleDeadLetters',
        deadLetters,
        'EventBridge Scheduler could not start an mk8s-audit run.',
      ),
    ];
  }

  private alarmName(id: AlarmId): string {
    return `${this.namePrefix}-${id}`;
  }

  private alarm(id: AlarmId, metric: MathExpression | Metric, description: string): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: this.alarmName(id),
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}
