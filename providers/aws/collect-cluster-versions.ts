import { type EKSClient, paginateDescribeClusterVersions } from '@aws-sdk/client-eks';
import { collected, failed, type Part } from '../../core/snapshot';
import type { EksClusterVersion } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';

/**
 * DescribeClusterVersions, every page. `includeAll` asks for every version the region knows,
 * not only those currently offered for new clusters, so that a cluster still running a version
 * past its support dates finds its dates in the list.
 */
export async function collectClusterVersions(eks: EKSClient): Promise<Part<EksClusterVersion[]>> {
  const versions: EksClusterVersion[] = [];
  try {
    for await (const page of paginateDescribeClusterVersions(
      { client: eks },
      { includeAll: true },
    )) {
      versions.push(...toWire(page.clusterVersions ?? []));
    }
  } catch (error) {
    return failed([toCollectionError('eks:DescribeClusterVersions', error)]);
  }
  return collected(versions, ['eks:DescribeClusterVersions']);
}
