import { ApiError } from '../api-error';
import type { GcpProjectEstate } from '../estate';
import type { Route, RouteContext } from '../route';
import { gcpRoute, protoJsonReply } from './rest';

/** GKE (container.googleapis.com v1 REST): list clusters per location or all (`-`), get one. */

function project(ctx: RouteContext): GcpProjectEstate {
  const id = ctx.params['project'] as string;
  const p = ctx.state.estate.gcp?.projects[id];
  if (!p) {
    throw new ApiError(
      403,
      'PERMISSION_DENIED',
      `Permission denied on resource project ${id} (or it may not exist).`,
    );
  }
  return p;
}

function list(ctx: RouteContext, location: string) {
  const p = project(ctx);
  const clusters = p.clusters
    .map((c) => c.cluster)
    .filter((c) => location === '-' || c.location === location);
  return protoJsonReply({ clusters, missingZones: location === '-' ? p.missingZones : [] });
}

const notFound = (params: Record<string, string>) => ({
  status: 404,
  code: 'NOT_FOUND',
  message: `Not found: projects/${params['project']}/locations/${params['location'] ?? params['zone']}/clusters/${params['cluster']}.`,
});

function get(ctx: RouteContext, location: string) {
  const name = ctx.params['cluster'] as string;
  const found = project(ctx).clusters.find(
    (c) => c.cluster.name === name && (location === '-' || c.cluster.location === location),
  );
  if (!found) {
    const e = notFound(ctx.params);
    throw new ApiError(e.status, e.code, e.message);
  }
  return protoJsonReply(found.cluster);
}

/** A cluster's related object (keys registered in sandbox/related.ts). */
function clusterRelated(ctx: RouteContext, key: string): Record<string, unknown> | undefined {
  const name = ctx.params['cluster'] as string;
  const location = ctx.params['location'] as string;
  const found = project(ctx).clusters.find(
    (c) => c.cluster.name === name && c.cluster.location === location,
  );
  if (!found) {
    const e = notFound(ctx.params);
    throw new ApiError(e.status, e.code, e.message);
  }
  return (found.related as Record<string, Record<string, unknown>> | undefined)?.[key];
}

export const containerRoutes: Route[] = [
  gcpRoute({
    service: 'container',
    operation: 'GetServerConfig',
    method: 'GET',
    path: '/v1/projects/{project}/locations/{location}/serverConfig',
    handle: (ctx) =>
      protoJsonReply(
        (project(ctx).related as Record<string, Record<string, unknown>> | undefined)?.[
          'serverConfig'
        ] ?? {},
      ),
  }),
  gcpRoute({
    service: 'container',
    operation: 'FetchClusterUpgradeInfo',
    method: 'GET',
    path: '/v1/projects/{project}/locations/{location}/clusters/{cluster}:fetchClusterUpgradeInfo',
    clusterParam: 'cluster',
    notFound,
    handle: (ctx) => protoJsonReply(clusterRelated(ctx, 'upgradeInfo') ?? {}),
  }),
  gcpRoute({
    service: 'container',
    operation: 'ListClusters',
    method: 'GET',
    path: '/v1/projects/{project}/locations/{location}/clusters',
    handle: (ctx) => list(ctx, ctx.params['location'] as string),
  }),
  gcpRoute({
    service: 'container',
    operation: 'GetCluster',
    method: 'GET',
    path: '/v1/projects/{project}/locations/{location}/clusters/{cluster}',
    clusterParam: 'cluster',
    notFound,
    handle: (ctx) => get(ctx, ctx.params['location'] as string),
  }),
  // The older zonal paths the v1 API still serves.
  gcpRoute({
    service: 'container',
    operation: 'ListClusters',
    method: 'GET',
    path: '/v1/projects/{project}/zones/{zone}/clusters',
    handle: (ctx) => list(ctx, ctx.params['zone'] as string),
  }),
  gcpRoute({
    service: 'container',
    operation: 'GetCluster',
    method: 'GET',
    path: '/v1/projects/{project}/zones/{zone}/clusters/{cluster}',
    clusterParam: 'cluster',
    notFound,
    handle: (ctx) => get(ctx, ctx.params['zone'] as string),
  }),
];
