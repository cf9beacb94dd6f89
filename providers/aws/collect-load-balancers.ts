import {
  DescribeTagsCommand,
  type ElasticLoadBalancingV2Client,
  type LoadBalancer,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type TagDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mapLimit } from '../../core/map-limit';
import { collected, failed, type Part } from '../../core/snapshot';
import type { EksLoadBalancer } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';
import { allPages } from './list-then-describe';

/** DescribeTags accepts at most 20 resource ARNs per call. */
const TAGS_PER_CALL = 20;

export interface TaggedLoadBalancers {
  loadBalancers: LoadBalancer[];
  tags: Map<string, TagDescription['Tags']>;
}

/** DescribeLoadBalancers (every page) + DescribeTags of the region, shared by its clusters. */
export async function collectTaggedLoadBalancers(
  elb: ElasticLoadBalancingV2Client,
): Promise<Part<TaggedLoadBalancers>> {
  let loadBalancers: LoadBalancer[];
  try {
    loadBalancers = await allPages(
      paginateDescribeLoadBalancers({ client: elb }, {}),
      (p) => p.LoadBalancers,
    );
  } catch (error) {
    return failed([toCollectionError('elasticloadbalancing:DescribeLoadBalancers', error)]);
  }
  const arns = loadBalancers.flatMap((lb) => (lb.LoadBalancerArn ? [lb.LoadBalancerArn] : []));
  const tags = new Map<string, TagDescription['Tags']>();
  try {
    for (let i = 0; i < arns.length; i += TAGS_PER_CALL) {
      const out = await elb.send(
        new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + TAGS_PER_CALL) }),
      );
      for (const d of out.TagDescriptions ?? []) if (d.ResourceArn) tags.set(d.ResourceArn, d.Tags);
    }
  } catch (error) {
    return failed([toCollectionError('elasticloadbalancing:DescribeTags', error)]);
  }
  return collected({ loadBalancers, tags }, [
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTags',
  ]);
}

/**
 * The load balancers tagged for the cluster (`elbv2.k8s.aws/cluster=<name>` by the AWS Load
 * Balancer Controller, `kubernetes.io/cluster/<name>` by the in-tree controller), each with
 * DescribeListeners (every page).
 */
export async function collectClusterLoadBalancers(
  elb: ElasticLoadBalancingV2Client,
  region: Part<TaggedLoadBalancers>,
  clusterName: string,
): Promise<Part<EksLoadBalancer[]>> {
  if (region.state !== 'collected') return region;
  const mine = region.value.loadBalancers.filter((lb) =>
    (region.value.tags.get(lb.LoadBalancerArn ?? '') ?? []).some(
      (t) =>
        (t.Key === 'elbv2.k8s.aws/cluster' && t.Value === clusterName) ||
        t.Key === `kubernetes.io/cluster/${clusterName}`,
    ),
  );
  try {
    const withListeners = await mapLimit(mine, 4, async (lb) => ({
      loadBalancer: toWire(lb),
      listeners: toWire(
        await allPages(
          paginateDescribeListeners({ client: elb }, { LoadBalancerArn: lb.LoadBalancerArn }),
          (p) => p.Listeners,
        ),
      ),
    }));
    return collected(withListeners, [
      ...region.operations,
      'elasticloadbalancing:DescribeListeners',
    ]);
  } catch (error) {
    return failed([
      toCollectionError('elasticloadbalancing:DescribeListeners', error, clusterName),
    ]);
  }
}
