import { Aws, type CfnElement, Stack, Token } from 'aws-cdk-lib';
import { type IRole, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  AWS_AUDITOR_DISCOVERY_ACTIONS,
  awsCollectorActions,
} from '../../providers/aws/permissions';
import { acknowledgeNag } from '../nag';
import { FINDINGS_HISTORY_PREFIX } from './findings-history';

/** The prefix of every object a run reads or writes (`pipeline/keys.ts`: `runs/...`). */
export const RUNS_PREFIX = 'runs/';
/** The latest report and the run history, which publish rewrites (`pipeline/keys.ts` reportKeys). */
export const REPORTS_PREFIX = 'reports/';
/** Athena's JSON Lines copy of each run's findings, written by publish. */
export const HISTORY_PREFIX = FINDINGS_HISTORY_PREFIX;
/** The Security Hub run state (`outputs/securityhub-state.ts`), rewritten by publish. */
export const STATE_PREFIX = 'state/';

export interface AuditorPermissionsProps {
  readonly bucket: IBucket;
  readonly key: IKey;
  readonly discover: IRole;
  readonly auditTarget: IRole;
  readonly publish: IRole;
  readonly memberRoleName: string;
  /** The findings-bucket key of the mutelist publish reads at every run, if any. */
  readonly mutelistKey?: string;
  /**
   * Import to Security Hub, in `region` (default: the stack's region); absent: no import. In
   * `owner-account` mode publish also assumes the member role, which imports in its account.
   */
  readonly securityHub?:
    | { readonly region?: string | undefined; readonly mode?: 'owner-account' | 'central' }
    | undefined;
}

/**
 * Least-privilege policies of the three functions, written out rather than granted with
 * `grantReadWrite` so each action is named: object reads and writes under `runs/` (and, for
 * publish, `reports/` and `findings-history/`) only, the collectors' read-only actions, `sts:AssumeRole` on the member role name only, and
 * `securityhub:BatchImportFindings` on this account's own product only.
 */
export class AuditorPermissions extends Construct {
  public constructor(scope: Construct, id: string, props: AuditorPermissionsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { bucket, key } = props;
    const memberRoleArn = `arn:${Aws.PARTITION}:iam::*:role/${props.memberRoleName}`;
    const assumeMemberRole = new PolicyStatement({
      actions: ['sts:AssumeRole'],
      resources: [memberRoleArn],
    });

    const bucketId = stack.getLogicalId(bucket.node.defaultChild as CfnElement);
    const runStore = (name: string, role: IRole, prefixes: string[]) => {
      const policy = new Policy(this, name, {
        roles: [role],
        statements: [
          new PolicyStatement({
            actions: ['s3:GetObject', 's3:PutObject'],
            resources: prefixes.map((p) => bucket.arnForObjects(`${p}*`)),
          }),
          new PolicyStatement({
            actions: ['s3:ListBucket'],
            resources: [bucket.bucketArn],
            conditions: { StringLike: { 's3:prefix': prefixes.map((p) => `${p}*`) } },
          }),
          new PolicyStatement({
            actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
            resources: [key.keyArn],
            conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } },
          }),
        ],
      });
      acknowledgeNag(
        policy,
        `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${RUNS_PREFIX}*]`,
        'Every object of a run lives under runs/date=<day>/run=<id>/; the run id is known only at run time.',
      );
      if (prefixes.includes(REPORTS_PREFIX)) {
        acknowledgeNag(
          policy,
          `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${REPORTS_PREFIX}*]`,
          'Publish rewrites the latest report and the run history under reports/ after every run.',
        );
      }
      if (prefixes.includes(STATE_PREFIX)) {
        acknowledgeNag(
          policy,
          `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${STATE_PREFIX}*]`,
          'Publish reads and conditionally rewrites the Security Hub run state under state/ after every run.',
        );
      }
      if (prefixes.includes(HISTORY_PREFIX)) {
        acknowledgeNag(
          policy,
          `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${HISTORY_PREFIX}*]`,
          'Publish adds findings-history/date=<day>/run=<id>.jsonl for Athena after every run; the run id is known only at run time.',
        );
      }
      return policy;
    };
    const ackMemberRole = (policy: Policy, reason: string) =>
      acknowledgeNag(
        policy,
        `AwsSolutions-IAM5[Resource::arn:${partitionForNag(stack)}:iam::*:role/${props.memberRoleName}]`,
        reason,
      );

    const discover = runStore('DiscoverPolicy', props.discover, [RUNS_PREFIX]);
    discover.addStatements(
      new PolicyStatement({ actions: [...AWS_AUDITOR_DISCOVERY_ACTIONS], resources: ['*'] }),
      assumeMemberRole,
    );
    acknowledgeNag(
      discover,
      'AwsSolutions-IAM5[Resource::*]',
      'organizations:ListAccounts, ListRoots, ListChildren, ListAccountsForParent, account:ListRegions and eks:ListClusters are read-only; they support no resource-level permissions or read clusters not known at deploy time.',
    );
    ackMemberRole(
      discover,
      'Discovery lists the enabled regions and the clusters of member accounts found at run time, through the read-only member role only.',
    );

    const audit = runStore('AuditTargetPolicy', props.auditTarget, [RUNS_PREFIX]);
    audit.addStatements(
      new PolicyStatement({ actions: awsCollectorActions(), resources: ['*'] }),
      assumeMemberRole,
    );
    acknowledgeNag(
      audit,
      'AwsSolutions-IAM5[Resource::*]',
      'The collectors read clusters of the auditor account itself with read-only Describe/List actions, listed one by one; the clusters are not known at deploy time.',
    );
    ackMemberRole(
      audit,
      'Member accounts are discovered at run time (AWS Organizations); only the read-only member role name is allowed, and that role trusts only this role, with an external id.',
    );

    const publish = runStore('PublishPolicy', props.publish, [
      RUNS_PREFIX,
      REPORTS_PREFIX,
      HISTORY_PREFIX,
      ...(props.securityHub === undefined ? [] : [STATE_PREFIX]),
    ]);
    if (props.mutelistKey !== undefined) {
      // That one object only: the operators' exceptions, read and never written by publish.
      publish.addStatements(
        new PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [bucket.arnForObjects(props.mutelistKey)],
        }),
      );
    }
    if (props.securityHub !== undefined) {
      const region = props.securityHub.region ?? Aws.REGION;
      publish.addStatements(
        new PolicyStatement({
          actions: ['securityhub:BatchImportFindings'],
          resources: [
            `arn:${Aws.PARTITION}:securityhub:${region}:${Aws.ACCOUNT_ID}:product/${Aws.ACCOUNT_ID}/default`,
          ],
        }),
      );
      if ((props.securityHub.mode ?? 'owner-account') === 'owner-account') {
        publish.addStatements(assumeMemberRole);
        ackMemberRole(
          publish,
          'Security Hub owner-account mode: publish imports each EKS finding into its cluster account through the member role, which allows only BatchImportFindings on that account’s own product.',
        );
      }
    }
  }
}

/** How cdk-nag prints the partition in granular finding ids (toolchain notes G5). */
function partitionForNag(stack: Stack): string {
  return Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
}
