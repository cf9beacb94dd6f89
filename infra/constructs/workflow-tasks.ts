import { Duration } from 'aws-cdk-lib';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Errors,
  JitterType,
  ResultWriterV2,
  S3JsonItemReader,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/**
 * Transient errors retried with backoff and jitter: Lambda throttling and the Lambda service
 * faults the Step Functions guide lists under "Handling transient Lambda service exceptions".
 */
export const RETRYABLE_LAMBDA_ERRORS = [
  'Lambda.TooManyRequestsException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.EC2ThrottledException',
];

/**
 * CDK grants the Map's S3 reader and writer on every object of the bucket (or on `*`); the
 * workflow grants them per prefix instead, so these two grant nothing themselves.
 */
export class TargetsReader extends S3JsonItemReader {
  public override providePolicyStatements(): PolicyStatement[] {
    return [];
  }
}
export class MapResultsWriter extends ResultWriterV2 {
  public override providePolicyStatements(): PolicyStatement[] {
    return [];
  }
}

/** A Lambda task returning the function's payload, retried with backoff on transient errors. */
export function invokeStep(
  scope: Construct,
  id: string,
  fn: IFunction,
  timeout: Duration,
  payload: Record<string, unknown>,
): LambdaInvoke {
  const task = new LambdaInvoke(scope, id, {
    lambdaFunction: fn,
    payload: TaskInput.fromObject(payload),
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    taskTimeout: Timeout.duration(timeout),
  });
  task.addRetry({
    errors: RETRYABLE_LAMBDA_ERRORS,
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 6,
    maxDelay: Duration.minutes(1),
    jitterStrategy: JitterType.FULL,
  });
  task.addRetry({
    errors: [Errors.TIMEOUT],
    interval: Duration.seconds(10),
    backoffRate: 2,
    maxAttempts: 2,
  });
  return task;
}
