import { Aws, CfnOutput, RemovalPolicy } from 'aws-cdk-lib';
import { type IRole, Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { RunConfig } from '../../pipeline/run-config';
import { AZURE_TOKEN_EXCHANGE_AUDIENCE } from '../../providers/aws/web-identity-token';
import { acknowledgeNag } from '../nag';

export interface CrossCloudAccessProps {
  /** The audit-target function's role: the identity GCP and Azure trust. */
  readonly role: IRole;
  readonly roleName: string;
  readonly audit: RunConfig;
}

/** The longest web identity token the function asks for (providers/aws/web-identity-token.ts). */
const MAX_TOKEN_SECONDS = 300;

/**
 * What the audit-target role needs to reach Google Cloud and Azure, and what to enter on their
 * side. GCP Workload Identity Federation needs no AWS permission (the signed GetCallerIdentity
 * is always allowed); its attribute condition is an output. Azure workload identity federation
 * needs `sts:GetWebIdentityToken` (only for Entra's audience, RS256, short tokens) and the
 * account's outbound identity federation, which a custom resource enables; the issuer URL and
 * subject are outputs. The opt-in secrets are readable by this role alone, by their exact ARN.
 */
export class CrossCloudAccess extends Construct {
  public constructor(scope: Construct, id: string, props: CrossCloudAccessProps) {
    super(scope, id);
    const { gcp, azure } = props.audit;
    const statements: PolicyStatement[] = [];
    const secrets = [gcp.credentials, azure.credentials].flatMap((c) =>
      c !== undefined && 'secretArn' in c ? [c] : [],
    );
    if (secrets.length > 0) {
      statements.push(
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: secrets.map((s) => s.secretArn),
        }),
      );
      const keys = secrets.flatMap((s) => (s.kmsKeyArn === undefined ? [] : [s.kmsKeyArn]));
      if (keys.length > 0) {
        statements.push(
          new PolicyStatement({
            actions: ['kms:Decrypt'],
            resources: keys,
            conditions: {
              StringEquals: { 'kms:ViaService': `secretsmanager.${Aws.REGION}.amazonaws.com` },
            },
          }),
        );
      }
    }
    if (gcp.credentials?.source === 'workload-identity') {
      const parameter = gcp.credentials.externalAccountParameter;
      if (parameter !== undefined) {
        statements.push(
          new PolicyStatement({
            actions: ['ssm:GetParameter'],
            resources: [
              `arn:${Aws.PARTITION}:ssm:${Aws.REGION}:${Aws.ACCOUNT_ID}:parameter${parameter}`,
            ],
          }),
        );
      }
      new CfnOutput(this, 'GcpAttributeCondition', {
        description:
          'The attribute condition of the GCP workload identity pool provider (README, "GCP without keys").',
        value: `attribute.aws_role == "arn:${Aws.PARTITION}:sts::${Aws.ACCOUNT_ID}:assumed-role/${props.roleName}"`,
      });
    }
    if (azure.credentials?.source === 'workload-identity') {
      statements.push(
        new PolicyStatement({
          actions: ['sts:GetWebIdentityToken'],
          resources: ['*'],
          conditions: {
            'ForAllValues:StringEquals': {
              'sts:IdentityTokenAudience': AZURE_TOKEN_EXCHANGE_AUDIENCE,
            },
            Null: { 'sts:IdentityTokenAudience': 'false' },
            StringEquals: { 'sts:SigningAlgorithm': 'RS256' },
            NumericLessThanEquals: { 'sts:DurationSeconds': MAX_TOKEN_SECONDS },
          },
        }),
      );
      const issuer = this.outboundFederation();
      new CfnOutput(this, 'AzureFederatedCredentialIssuer', {
        description:
          'Issuer of the Entra federated identity credential (README, "Azure without secrets").',
        value: issuer,
      });
      new CfnOutput(this, 'AzureFederatedCredentialSubject', {
        description: 'Subject of the Entra federated identity credential: the audit-target role.',
        value: props.role.roleArn,
      });
      new CfnOutput(this, 'AzureFederatedCredentialAudience', {
        description: 'Audience of the Entra federated identity credential.',
        value: AZURE_TOKEN_EXCHANGE_AUDIENCE,
      });
    }
    if (statements.length > 0) {
      const policy = new Policy(this, 'Policy', { roles: [props.role], statements });
      if (azure.credentials?.source === 'workload-identity') {
        acknowledgeNag(
          policy,
          'AwsSolutions-IAM5[Resource::*]',
          'sts:GetWebIdentityToken has no resource type; the statement allows only the Entra audience, RS256 and tokens of at most 300 seconds.',
        );
      }
    }
  }

  /**
   * Enables IAM outbound web identity federation for the account (idempotent: "already enabled"
   * is success) and reads its issuer URL. Never disabled on delete: other workloads of the
   * account may rely on it. CloudFormation has no resource for it, hence SDK calls.
   */
  private outboundFederation(): string {
    const id = PhysicalResourceId.of('outbound-web-identity-federation');
    const enableCall = {
      service: 'IAM',
      action: 'EnableOutboundWebIdentityFederation',
      physicalResourceId: id,
      ignoreErrorCodesMatching: 'FeatureEnabled',
    };
    // An own role and log group instead of the default AWSLambdaBasicExecutionRole.
    const logGroup = new LogGroup(this, 'OutboundFederationLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new Role(this, 'OutboundFederationRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'mk8s-audit: enables IAM outbound web identity federation and reads its issuer',
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    const policy = AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({
        actions: [
          'iam:EnableOutboundWebIdentityFederation',
          'iam:GetOutboundWebIdentityFederationInfo',
        ],
        resources: ['*'],
      }),
    ]);
    const common = { policy, role, logGroup, installLatestAwsSdk: false };
    const enable = new AwsCustomResource(this, 'EnableOutboundFederation', {
      onCreate: enableCall,
      onUpdate: enableCall,
      ...common,
    });
    const infoCall = {
      service: 'IAM',
      action: 'GetOutboundWebIdentityFederationInfo',
      physicalResourceId: id,
      outputPaths: ['IssuerIdentifier'],
    };
    const info = new AwsCustomResource(this, 'OutboundFederationInfo', {
      onCreate: infoCall,
      onUpdate: infoCall,
      ...common,
    });
    info.node.addDependency(enable);
    for (const resource of [enable, info, role]) {
      acknowledgeNag(
        resource,
        'AwsSolutions-IAM5[Resource::*]',
        'iam:EnableOutboundWebIdentityFederation and iam:GetOutboundWebIdentityFederationInfo are account settings with no resource type.',
      );
    }
    return info.getResponseField('IssuerIdentifier');
  }
}
