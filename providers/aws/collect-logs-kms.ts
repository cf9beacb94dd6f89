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

/**
 * logs:DescribeLogGroups by the prefix `/aws/eks/<cluster>/cluster`, keeping the exact name:
 * an empty list means the control-plane log group does not exist.
 */
export async function collectControlPlaneLogGroup(
  logs: CloudWatchLogsClient,
  clusterName: string,
): Promise<Part<Wire<LogGroup>[]>> {
  const name = `/aws/eks/${clusterName}/cluster`;
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
