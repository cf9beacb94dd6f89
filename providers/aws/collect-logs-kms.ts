import {
  type CloudWatchLogsClient,
  type LogGroup,
  paginateDescribeLogGroups,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import type { EksCluster, EksSecretsKey } from '../../core/snapshot-eks';
import { toWire, type Wire } from '../../core/wire';
import { toCollectionError } from './collection-error';
import { allPages } from './list-then-describe';

/** The log group EKS writes the control-plane logs of a cluster to. */
export const controlPlaneLogGroupName = (clusterName: string): string =>
  `/aws/eks/${clusterName}/cluster`;

/** The prefix of every control-plane log group of a Region. */
const EKS_LOG_GROUP_PREFIX = '/aws/eks/';

/**
 * logs:DescribeLogGroups by the prefix `/aws/eks/<cluster>/cluster`, keeping the exact name:
 * an empty list means the control-plane log group does not exist.
 */
export async function collectControlPlaneLogGroup(
  logs: CloudWatchLogsClient,
  clusterName: string,
): Promise<Part<Wire<LogGroup>[]>> {
  const name = controlPlaneLogGroupName(clusterName);
  try {
    const groups = await allPages(
      paginateDescribeLogGroups({ client: logs }, { logGroupNamePrefix: name }),
      (p) => p.logGroups,
    );
    return collected(toWire(groups.filter((g) => g.logGroupName === name)), [
      'logs:DescribeLogGroups',
    ]);
  } catch (error) {
    return failed([toCollectionError('logs:DescribeLogGroups', error, name)]);
  }
}

/**
 * The control-plane log group of each cluster of a target. One cluster: its own prefix (one
 * call). Several: the pages of the Region's `/aws/eks/` prefix (50 groups a page, the API's
 * most), which hold every cluster's group, so a target of N clusters costs about N/50 calls
 * instead of N. The listing stops once it has taken as many pages as it has found wanted groups
 * (a Region full of other `/aws/eks/` groups), and the clusters not found by then get their
 * own call: at most one call more than one per cluster. A failed listing fails the part of
 * every cluster of the target, naming its log group.
 */
export async function collectControlPlaneLogGroups(
  logs: CloudWatchLogsClient,
  clusterNames: readonly string[],
): Promise<Map<string, Part<Wire<LogGroup>[]>>> {
  const out = new Map<string, Part<Wire<LogGroup>[]>>();
  const byGroup = new Map(clusterNames.map((c) => [controlPlaneLogGroupName(c), c]));
  const each = async (names: readonly string[]) => {
    const parts = await Promise.all(names.map((c) => collectControlPlaneLogGroup(logs, c)));
    names.forEach((c, i) => {
      const part = parts[i];
      if (part !== undefined) out.set(c, part);
    });
    return out;
  };
  if (byGroup.size < 2) return each(clusterNames);
  const found = new Map<string, LogGroup>();
  let pages = 0;
  let complete = false;
  try {
    for await (const page of paginateDescribeLogGroups(
      { client: logs, pageSize: 50 },
      { logGroupNamePrefix: EKS_LOG_GROUP_PREFIX },
    )) {
      pages += 1;
      for (const g of page.logGroups ?? []) {
        if (g.logGroupName !== undefined && byGroup.has(g.logGroupName)) {
          found.set(g.logGroupName, g);
        }
      }
      if (page.nextToken === undefined) complete = true;
      else if (pages >= found.size) break;
    }
    complete ||= pages === 0;
  } catch (error) {
    for (const [group, c] of byGroup) {
      out.set(c, failed([toCollectionError('logs:DescribeLogGroups', error, group)]));
    }
    return out;
  }
  const op = ['logs:DescribeLogGroups'];
  const rest: string[] = [];
  for (const [group, c] of byGroup) {
    const g = found.get(group);
    if (g !== undefined) out.set(c, collected(toWire([g]), op));
    else if (complete) out.set(c, collected([], op));
    else rest.push(c);
  }
  return each(rest);
}

/** The Secrets key ARN of the cluster's envelope encryption, if any. */
export function secretsKeyArn(cluster: EksCluster): string | undefined {
  return cluster.encryptionConfig?.find((c) => c.resources?.includes('secrets'))?.provider?.keyArn;
}

/**
 * kms:DescribeKey, then kms:GetKeyRotationStatus and kms:GetKeyPolicy (`default`). DescribeKey
 * failing fails the part; the other two failing leave their field absent with the error.
 */
export async function collectSecretsKey(
  kms: KMSClient,
  keyArn: string,
): Promise<Part<EksSecretsKey>> {
  let metadata: EksSecretsKey['metadata'];
  try {
    const out = await kms.send(new DescribeKeyCommand({ KeyId: keyArn }));
    if (out.KeyMetadata === undefined) throw new Error('the response has no KeyMetadata');
    metadata = toWire(out.KeyMetadata);
  } catch (error) {
    return failed([toCollectionError('kms:DescribeKey', error, keyArn)]);
  }
  const errors: CollectionError[] = [];
  const [rotation, policy] = await Promise.all([
    kms.send(new GetKeyRotationStatusCommand({ KeyId: keyArn })).catch((error: unknown) => {
      errors.push(toCollectionError('kms:GetKeyRotationStatus', error, keyArn));
      return undefined;
    }),
    kms
      .send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }))
      .catch((error: unknown) => {
        errors.push(toCollectionError('kms:GetKeyPolicy', error, keyArn));
        return undefined;
      }),
  ]);
  const key: EksSecretsKey = {
    keyArn,
    metadata,
    ...(rotation?.KeyRotationEnabled === undefined
      ? {}
      : { rotationEnabled: rotation.KeyRotationEnabled }),
    ...(policy?.Policy === undefined ? {} : { policy: policy.Policy }),
  };
  return collected(
    key,
    ['kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy'],
    errors,
  );
}
