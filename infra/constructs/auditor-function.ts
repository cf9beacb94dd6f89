import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag';

/** Powertools service name and metrics namespace shared by the three functions (and alarms). */
export const POWERTOOLS_SERVICE = 'mk8s-audit';
export const METRICS_NAMESPACE = 'mk8s-audit';

/**
 * Lets CommonJS-only dependencies call `require` (and read `__dirname`) inside the ESM bundle
 * (toolchain notes G15: google-gax and grpc-js read `__dirname` on import).
 */
export const ESM_BANNER = [
  "import { createRequire as __cr } from 'module';",
  "import { fileURLToPath as __fup } from 'url';",
  "import { dirname as __dn } from 'path';",
  'const require = __cr(import.meta.url);',
  'const __filename = __fup(import.meta.url);',
  'const __dirname = __dn(__filename);',
].join('');

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
 * esbuild with the pinned AWS SDK inside, Powertools settings, and a log group it owns (with
 * retention) that its role alone may write to.
 */
export class AuditorFunction extends Construct {
  public readonly fn: NodejsFunction;
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
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(5),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: POWERTOOLS_SERVICE,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        bundleAwsSDK: true,
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        banner: ESM_BANNER,
      },
    });
    acknowledgeNag(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    );
  }
}
