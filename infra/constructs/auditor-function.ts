import { dirname } from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LocalFunctionBundling } from '../bundling/local-bundling';
import { acknowledgeNag } from '../nag';

/** Powertools service name and metrics namespace shared by the three functions (and alarms). */
export const POWERTOOLS_SERVICE = 'mk8s-audit';
export const METRICS_NAMESPACE = 'mk8s-audit';

export interface AuditorFunctionProps {
  /** Absolute path of `functions/<name>/index.ts`; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly logRetention: RetentionDays;
  readonly environment?: Readonly<Record<string, string>>;
  /** @default Duration.minutes(5) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** A fixed role name, only where another account must name this role in its trust policy. @default generated */
  readonly roleName?: string;
}

/**
 * House defaults for every Lambda: Node 24 on ARM64, X-Ray, an ESM bundle built by the local
 * esbuild with the pinned AWS SDK inside (infra/bundling/build-options.ts), Powertools settings,
 * and a log group it owns (with retention) that its role alone may write to.
 */
export class AuditorFunction extends Construct {
  public readonly fn: LambdaFunction;
  public readonly role: Role;
  public readonly logGroup: LogGroup;

  public constructor(scope: Construct, id: string, props: AuditorFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // An own role instead of AWSLambdaBasicExecutionRole: logs go only to this log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `mk8s-audit ${props.description}`,
      ...(props.roleName === undefined ? {} : { roleName: props.roleName }),
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.fn = new LambdaFunction(this, 'Fn', {
      // The asset is the bundle's folder; the source folder is only named, never copied.
      code: Code.fromAsset(dirname(props.entry), {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never used: the local bundling always builds or throws (there is no Docker here).
          image: DockerImage.fromRegistry('dummy'),
          local: new LocalFunctionBundling(props.entry),
        },
      }),
      // `handler` of the bundle `index.mjs` (BUNDLE_FILE).
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(5),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      // No NODE_OPTIONS=--enable-source-maps: it parses every bundle's map at each cold start;
      // the entries map a stack when it is formatted (functions/shared/source-mapped-stacks.ts).
      environment: {
        POWERTOOLS_SERVICE_NAME: POWERTOOLS_SERVICE,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
    });
    acknowledgeNag(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    );
  }
}
