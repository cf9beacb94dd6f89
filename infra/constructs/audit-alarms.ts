import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, POWERTOOLS_SERVICE } from './auditor-function';

/** The metric `publish` emits: discovered targets without a usable result in the run. */
export const FAILED_TARGETS_METRIC = 'FailedTargets';

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

  public constructor(scope: Construct, id: string, props: AuditAlarmsProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key.
    const key = new Key(this, 'TopicKey', {
      description: 'mk8s-audit alarm topic',
      enableKeyRotation: true,
    });
    key.grant(
      new ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    this.topic = new Topic(this, 'Topic', {
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

  private alarm(id: string, metric: MathExpression | Metric, description: string): Alarm {
    const alarm = new Alarm(this, id, {
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
