import { Duration, RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag';

export interface AuditScheduleProps {
  readonly stateMachine: IStateMachine;
  /** The six cron fields, e.g. `0 3 * * ? *`. */
  readonly cron: string;
  /** IANA time zone the cron expression is read in. */
  readonly timeZone: string;
  readonly enabled: boolean;
}

/**
 * Starts a run on a cron schedule with EventBridge Scheduler. Failed starts are retried for up
 * to two hours; a start that still fails lands in a dead-letter queue (alarmed on).
 */
export class AuditSchedule extends Construct {
  public readonly schedule: Schedule;
  public readonly deadLetterQueue: Queue;

  public constructor(scope: Construct, id: string, props: AuditScheduleProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledgeNag(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter queue of the EventBridge Scheduler schedule; an alarm watches its depth.',
    );
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Starts the daily mk8s-audit run.',
      schedule: ScheduleExpression.expression(
        `cron(${props.cron.trim()})`,
        TimeZone.of(props.timeZone),
      ),
      enabled: props.enabled,
      target: new StepFunctionsStartExecution(props.stateMachine, {
        input: ScheduleTargetInput.fromObject({ trigger: 'schedule' }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 5,
        maxEventAge: Duration.hours(2),
      }),
    });
  }
}
