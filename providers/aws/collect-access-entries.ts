import {
  DescribeAccessEntryCommand,
  type EKSClient,
  paginateListAccessEntries,
  paginateListAssociatedAccessPolicies,
} from '@aws-sdk/client-eks';
import type { Part } from '../../core/snapshot';
import type { EksAccessEntry } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { ACCESS_ENTRY_OPERATIONS } from './eks-parts';
import { allPages, listThenDescribe } from './list-then-describe';

/**
 * ListAccessEntries (every page) → DescribeAccessEntry + ListAssociatedAccessPolicies (every
 * page) for each principal. A failed policy listing counts as a failed describe of that entry.
 */
export async function collectAccessEntries(
  eks: EKSClient,
  clusterName: string,
): Promise<Part<EksAccessEntry[]>> {
  const part = await listThenDescribe({
    listOperation: 'eks:ListAccessEntries',
    describeOperation: 'eks:DescribeAccessEntry',
    resource: clusterName,
    list: () =>
      allPages(paginateListAccessEntries({ client: eks }, { clusterName }), (p) => p.accessEntries),
    nameOf: (arn: string) => arn,
    describe: async (principalArn: string): Promise<EksAccessEntry | undefined> => {
      const out = await eks.send(new DescribeAccessEntryCommand({ clusterName, principalArn }));
      if (out.accessEntry === undefined) return undefined;
      const policies = await allPages(
        paginateListAssociatedAccessPolicies({ client: eks }, { clusterName, principalArn }),
        (p) => p.associatedAccessPolicies,
      );
      return { entry: toWire(out.accessEntry), associatedAccessPolicies: toWire(policies) };
    },
  });
  return part.state === 'collected' ? { ...part, operations: ACCESS_ENTRY_OPERATIONS } : part;
}
