import {
  Aws,
  CfnOutput,
  CfnParameter,
  DefaultStackSynthesizer,
  type IStackSynthesizer,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import { ArnPrincipal, PolicyDocument, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { memberRoleActions } from '../providers/aws/permissions';
import { DEPLOYED_EXTERNAL_ID, type DeploymentConfig } from './config';
import { acknowledgeNag } from './nag';

export interface Mk8sAuditMemberRoleStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

/**
 * The read-only role `mk8s-audit-read` in a member account. It trusts only the auditor
 * account's audit-target and discover roles, and only with the external id. The template needs no CDK
 * bootstrap and no assets, and takes the auditor account and external id as parameters, so
 * the same template deploys to every account of an Organization as a CloudFormation StackSet.
 */
export class Mk8sAuditMemberRoleStack extends Stack {
  public readonly role: Role;

  public constructor(scope: Construct, id: string, props: Mk8sAuditMemberRoleStackProps) {
    super(scope, id, {
      ...props,
      // No bootstrap version rule: member accounts of a StackSet are not CDK-bootstrapped.
      // (Cast: the class does not satisfy its interface under exactOptionalPropertyTypes.)
      synthesizer: new DefaultStackSynthesizer({
        generateBootstrapVersionRule: false,
      }) as IStackSynthesizer,
    });
    const { config } = props;
    const auditorAccount = new CfnParameter(this, 'AuditorAccountId', {
      type: 'String',
      description: 'The AWS account id where Mk8sAuditStack is deployed.',
      allowedPattern: '^\\d{12}$',
      constraintDescription: 'a 12-digit AWS account id',
      ...(config.auditorAccountId === undefined ? {} : { default: config.auditorAccountId }),
    });
    const externalId = new CfnParameter(this, 'ExternalId', {
      type: 'String',
      description: 'The sts:ExternalId the auditor passes (externalId in mk8s-audit.config.json).',
      allowedPattern: '^[\\w+=,.@:/-]{2,1224}$',
      default: config.audit.config.aws.externalId ?? DEPLOYED_EXTERNAL_ID,
      noEcho: false,
    });
    const account = auditorAccount.valueAsString;
    const auditorRoleArn = `arn:${Aws.PARTITION}:iam::${account}:role/${config.auditorRoleName}`;
    // Discover lists the account's enabled regions and their clusters through this role too.
    const discoverRoleArn = `arn:${Aws.PARTITION}:iam::${account}:role/${config.discoverRoleName}`;
    const hub = config.audit.config.securityHub;
    // Security Hub owner-account mode: the publish role imports this account's EKS findings.
    const ownerImport = hub.enabled && hub.mode === 'owner-account';
    const publishRoleArn = `arn:${Aws.PARTITION}:iam::${account}:role/${config.publishRoleName}`;
    const importStatement = new PolicyStatement({
      actions: ['securityhub:BatchImportFindings'],
      // The account's own custom-integration product, in the Regions of its clusters.
      resources: [
        `arn:${Aws.PARTITION}:securityhub:*:${Aws.ACCOUNT_ID}:product/${Aws.ACCOUNT_ID}/default`,
      ],
    });

    this.role = new Role(this, 'ReadRole', {
      roleName: config.audit.config.aws.memberRoleName,
      description: 'mk8s-audit: read-only access to managed Kubernetes settings for the auditor',
      assumedBy: new ArnPrincipal(`arn:${Aws.PARTITION}:iam::${account}:root`).withConditions({
        StringEquals: { 'sts:ExternalId': externalId.valueAsString },
        ArnEquals: {
          'aws:PrincipalArn': ownerImport
            ? [auditorRoleArn, discoverRoleArn, publishRoleArn]
            : [auditorRoleArn, discoverRoleArn],
        },
      }),
      inlinePolicies: {
        Collect: new PolicyDocument({
          statements: [new PolicyStatement({ actions: memberRoleActions(), resources: ['*'] })],
        }),
        ...(ownerImport
          ? { SecurityHubImport: new PolicyDocument({ statements: [importStatement] }) }
          : {}),
      },
    });
    if (ownerImport) {
      acknowledgeNag(
        this.role,
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:securityhub:*:<AWS::AccountId>:product/<AWS::AccountId>/default]',
        'BatchImportFindings on this account’s own custom-integration product only; the Region is each cluster’s, not known when the role is deployed.',
      );
    }
    acknowledgeNag(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Read-only Describe/List actions of the collectors and of region discovery, listed one by one (providers/aws/permissions.ts); the clusters to read are not known when the role is deployed.',
    );
    new CfnOutput(this, 'RoleArn', { value: this.role.roleArn });
  }
}
