import {
  DescribeNodegroupCommand,
  type EKSClient,
  paginateListNodegroups,
} from '@aws-sdk/client-eks';
import { mapLimit } from '../../core/map-limit';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import type { EksNodegroup } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';

const OPERATIONS = ['eks:ListNodegroups', 'eks:DescribeNodegroup'];
/** Node groups described at the same time within one cluster. */
const NODEGROUP_CONCURRENCY = 4;

/**
 * ListNodegroups (every page) + DescribeNodegroup for each. A failed listing fails the part;
 * failed describes leave the part `collected` with the errors (incomplete), or `failed` when
 * none of the node groups could be described.
 */
export async function collectNodegroups(
  eks: EKSClient,
  clusterName: string,
): Promise<Part<EksNodegroup[]>> {
  const names: string[] = [];
  try {
    for await (const page of paginateListNodegroups({ client: eks }, { clusterName })) {
      names.push(...(page.nodegroups ?? []));
    }
  } catch (error) {
    return failed([toCollectionError('eks:ListNodegroups', error, clusterName)]);
  }

  const errors: CollectionError[] = [];
  const described = await mapLimit(names, NODEGROUP_CONCURRENCY, async (nodegroupName) => {
    try {
      const out = await eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }));
      if (out.nodegroup) return toWire(out.nodegroup);
      errors.push({
        operation: 'eks:DescribeNodegroup',
        resource: nodegroupName,
        code: 'EmptyResponse',
        message: 'the response has no nodegroup',
      });
    } catch (error) {
      errors.push(toCollectionError('eks:DescribeNodegroup', error, nodegroupName));
    }
    return undefined;
  });
  const nodegroups = described.filter((n): n is EksNodegroup => n !== undefined);
  if (names.length > 0 && nodegroups.length === 0) return failed(errors);
  return collected(nodegroups, OPERATIONS, errors);
}
