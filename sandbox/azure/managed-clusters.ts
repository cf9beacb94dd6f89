import { ApiError } from '../api-error';
import { jsonReply } from '../http';
import type { Route, RouteContext } from '../route';
import { armPage, armRoute, subscriptionOf } from './arm';
import { resourceGroupNotFound } from './subscriptions';

/** Microsoft.ContainerService/managedClusters: list per subscription or group, get one. */

const PROVIDER = 'providers/Microsoft.ContainerService/managedClusters';

/** `/subscriptions/S/resourceGroups/G/providers/...` → `G`. */
function groupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1] ?? '';
}

function inGroup(ctx: RouteContext) {
  const sub = subscriptionOf(ctx);
  const group = ctx.params['resourceGroup'] as string;
  if (!sub.resourceGroups.some((g) => g.name.toLowerCase() === group.toLowerCase())) {
    throw resourceGroupNotFound(group);
  }
  return sub.managedClusters
    .map((c) => c.cluster)
    .filter((c) => groupOf(c.id).toLowerCase() === group.toLowerCase());
}

const notFound = (params: Record<string, string>) => ({
  status: 404,
  code: 'ResourceNotFound',
  message: `The Resource 'Microsoft.ContainerService/managedClusters/${params['name']}' under resource group '${params['resourceGroup']}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
});

export const managedClusterRoutes: Route[] = [
  armRoute({
    service: 'containerservice',
    operation: 'ListManagedClusters',
    method: 'GET',
    path: `/subscriptions/{subscription}/${PROVIDER}`,
    handle: (ctx) =>
      armPage(
        ctx,
        subscriptionOf(ctx).managedClusters.map((c) => c.cluster),
      ),
  }),
  armRoute({
    service: 'containerservice',
    operation: 'ListManagedClustersByResourceGroup',
    method: 'GET',
    path: `/subscriptions/{subscription}/resourceGroups/{resourceGroup}/${PROVIDER}`,
    handle: (ctx) => armPage(ctx, inGroup(ctx)),
  }),
  armRoute({
    service: 'containerservice',
    operation: 'GetManagedCluster',
    method: 'GET',
    path: `/subscriptions/{subscription}/resourceGroups/{resourceGroup}/${PROVIDER}/{name}`,
    clusterParam: 'name',
    notFound,
    handle: (ctx) => {
      const name = (ctx.params['name'] as string).toLowerCase();
      const cluster = inGroup(ctx).find((c) => c.name.toLowerCase() === name);
      if (!cluster) {
        const e = notFound(ctx.params);
        throw new ApiError(e.status, e.code, e.message);
      }
      return jsonReply(200, cluster);
    },
  }),
];
