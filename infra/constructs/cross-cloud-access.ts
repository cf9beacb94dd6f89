import { fileURLToPath } from 'node:url';
import { Aws, CfnOutput, CustomResource, Duration } from 'aws-cdk-lib';
import { type IRole, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RunConfig } from '../../pipeline/run-config';
import { AZURE_TOKEN_EXCHANGE_AUDIENCE } from '../../providers/aws/web-identity-token';
import { acknowledgeNag } from '../nag';
import { AuditorFunction } from './auditor-function';

export interface CrossCloudAccessProps {
  /** The audit-target function's role: the identity GCP and Azure trust. */
  readonly role: IRole;
  readonly roleName: string;
  /**
   * The discover function's role, which lists GCP projects and clusters and Azure
   * subscriptions and clusters with the same credentials: granted the same, trusted the same.
   */
  readonly discover?: { readonly role: IRole; readonly roleName: string };
  readonly audit: RunConfig;
  /** Retention of the log group of the function that enables outbound federation. */
  readonly logRetention: RetentionDays;
}

/** The longest web identity token the function asks for (providers/aws/web-identity-token.ts). */
const MAX_TOKEN_SECONDS = 300;

/**
 * What the audit-target role (and the discover role, which lists projects, subscriptions and
 * clusters with the same credentials) needs to reach Google Cloud and Azure, and what to enter
 * on their side. GCP Workload Identity Federation needs no AWS permission (the signed GetCallerIdentity
 * is always allowed); its attribute condition is an output. Azure workload identity federation
 * needs `sts:GetWebIdentityToken` (only for Entra's audience, RS256, short tokens) and the
 * account's outbound identity federation, which a custom resource enables; the issuer URL and
 * subject are outputs. The opt-in secrets are readable by these roles alone, by their exact ARN.
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
      const assumed = (name: string) =>
        `"arn:${Aws.PARTITION}:sts::${Aws.ACCOUNT_ID}:assumed-role/${name}"`;
      new CfnOutput(this, 'GcpAttributeCondition', {
        description:
          'The attribute condition of the GCP workload identity pool provider (README, "GCP without keys").',
        value:
          props.discover === undefined
            ? `attribute.aws_role == ${assumed(props.roleName)}`
            : `attribute.aws_role in [${assumed(props.roleName)}, ${assumed(props.discover.roleName)}]`,
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
      const issuer = this.outboundFederation(props.logRetention);
      new CfnOutput(this, 'AzureFederatedCredentialIssuer', {
        description:
          'Issuer of the Entra federated identity credential (README, "Azure without secrets").',
        value: issuer,
      });
      new CfnOutput(this, 'AzureFederatedCredentialSubject', {
        description: 'Subject of the Entra federated identity credential: the audit-target role.',
        value: props.role.roleArn,
      });
      if (props.discover !== undefined) {
        new CfnOutput(this, 'AzureFederatedCredentialDiscoverSubject', {
          description:
            'Subject of a second Entra federated identity credential (same issuer and audience): the discover role.',
          value: props.discover.role.roleArn,
        });
      }
      new CfnOutput(this, 'AzureFederatedCredentialAudience', {
        description: 'Audience of the Entra federated identity credential.',
        value: AZURE_TOKEN_EXCHANGE_AUDIENCE,
      });
    }
    if (statements.length > 0) {
      const roles = [props.role, ...(props.discover === undefined ? [] : [props.discover.role])];
      const policy = new Policy(this, 'Policy', { roles, statements });
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
   * Enables IAM outbound web identity federation for the account and reads its issuer URL, with
   * a function of ours (`functions/outbound-federation/`) that bundles the pinned IAM client:
   * the runtime's built-in SDK may predate these actions. "Already enabled" is success; deleting
   * the stack leaves the setting on, because other workloads of the account may rely on it.
   */
  private outboundFederation(logRetention: RetentionDays): string {
    const fn = new AuditorFunction(this, 'OutboundFederationFunction', {
      entry: fileURLToPath(
        new URL('../../functions/outbound-federation/index.ts', import.meta.url),
      ),
      description:
        'outbound-federation: enables IAM outbound web identity federation, reads its issuer',
      logRetention,
      timeout: Duration.minutes(2),
      memorySize: 256,
    });
    const policy = new Policy(this, 'OutboundFederationPolicy', {
      roles: [fn.role],
      statements: [
        new PolicyStatement({
          actions: [
            'iam:EnableOutboundWebIdentityFederation',
            'iam:GetOutboundWebIdentityFederationInfo',
          ],
          resources: ['*'],
        }),
      ],
    });
    acknowledgeNag(
      policy,
      'AwsSolutions-IAM5[Resource::*]',
      'iam:EnableOutboundWebIdentityFederation and iam:GetOutboundWebIdentityFederationInfo are account settings with no resource type.',
    );
    const resource = new CustomResource(this, 'OutboundFederation', {
      serviceToken: fn.fn.functionArn,
      resourceType: 'Custom::OutboundWebIdentityFederation',
      // The function answers every request; a lost answer fails the deployment after this.
      serviceTimeout: Duration.minutes(5),
    });
    // The function's permissions must exist before CloudFormation calls it.
    resource.node.addDependency(policy);
    return resource.getAttString('IssuerIdentifier');
  }
}
