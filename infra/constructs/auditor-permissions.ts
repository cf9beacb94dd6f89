import { Aws, type CfnElement, Stack, Token } from 'aws-cdk-lib';
import { type IRole, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AWS_DISCOVERY_ACTIONS, awsCollectorActions } from '../../providers/aws/permissions';
import { acknowledgeNag } from '../nag';

/** Prefixes of the findings bucket the functions use (`pipeline/keys.ts`: `runs/...`). */
export const WRITE_PREFIXES = ['runs/', 'state/'] as const;

export interface AuditorPermissionsProps {
  readonly bucket: IBucket;
  readonly key: IKey;
  readonly discover: IRole;
  readonly auditTarget: IRole;
  readonly publish: IRole;
  readonly memberRoleName: string;
  readonly securityHub: boolean;
}

/**
 * Least-privilege policies of the three functions, written out rather than granted with
 * `grantReadWrite` so each action is named: object reads and writes under the run prefixes
 * only, the collectors' read-only actions, `sts:AssumeRole` on the member role name only,
 * and `securityhub:BatchImportFindings` on this account's own product only.
 */
export class AuditorPermissions extends Construct {
  public constructor(scope: Construct, id: string, props: AuditorPermissionsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { bucket, key } = props;
    const objects = WRITE_PREFIXES.map((p) => bucket.arnForObjects(`${p}*`));
    const readWrite = (name: string, role: IRole) =>
      this.policy(name, role, [
        new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: objects }),
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': WRITE_PREFIXES.map((p) => `${p}*`) } },
        }),
        new PolicyStatement({
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } },
        }),
      ]);

    const objectWildcards = WRITE_PREFIXES.map(
      (p) =>
        `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(bucketResource(bucket))}.Arn>/${p}*]`,
    );
    const objectsReason =
      'Objects of every run live under these prefixes; the keys contain the run id, known only at run time.';

    const discover = readWrite('DiscoverPolicy', props.discover);
    discover.addStatements(
      new PolicyStatement({ actions: [...AWS_DISCOVERY_ACTIONS], resources: ['*'] }),
    );
    acknowledge(discover, objectWildcards, objectsReason);
    acknowledge(
      discover,
      ['AwsSolutions-IAM5[Resource::*]'],
      'organizations:ListAccounts and account:ListRegions are read-only and support no resource-level permissions for this use.',
    );

    const audit = readWrite('AuditTargetPolicy', props.auditTarget);
    const memberRoleArn = `arn:${Aws.PARTITION}:iam::*:role/${props.memberRoleName}`;
    audit.addStatements(
      new PolicyStatement({ actions: awsCollectorActions(), resources: ['*'] }),
      new PolicyStatement({ actions: ['sts:AssumeRole'], resources: [memberRoleArn] }),
    );
    acknowledge(audit, objectWildcards, objectsReason);
    acknowledge(
      audit,
      ['AwsSolutions-IAM5[Resource::*]'],
      'The collectors read clusters of the auditor account itself with read-only Describe/List/Get actions, listed one by one; the clusters are not known at deploy time.',
    );
    acknowledge(
      audit,
      [
        `AwsSolutions-IAM5[Resource::arn:${partitionForNag(stack)}:iam::*:role/${props.memberRoleName}]`,
      ],
      'Member accounts are discovered at run time (AWS Organizations); the role is limited to the read-only member role name, which itself trusts only this role with an external id.',
    );

    const publish = readWrite('PublishPolicy', props.publish);
    acknowledge(publish, objectWildcards, objectsReason);
    if (props.securityHub) {
      publish.addStatements(
        new PolicyStatement({
          actions: ['securityhub:BatchImportFindings'],
          resources: [
            `arn:${Aws.PARTITION}:securityhub:${Aws.REGION}:${Aws.ACCOUNT_ID}:product/${Aws.ACCOUNT_ID}/default`,
          ],
        }),
      );
    }
  }

  private policy(id: string, role: IRole, statements: PolicyStatement[]): Policy {
    return new Policy(this, id, { roles: [role], statements });
  }
}

function acknowledge(policy: Policy, ids: string[], reason: string): void {
  for (const id of ids) acknowledgeNag(policy, id, reason);
}

function bucketResource(bucket: IBucket): CfnElement {
  const resource = bucket.node.defaultChild;
  if (resource === undefined)
    throw new Error('the findings bucket must be a Bucket defined in this app');
  return resource as CfnElement;
}

/** How cdk-nag prints the partition in granular finding ids (toolchain notes G5). */
function partitionForNag(stack: Stack): string {
  return Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
}
