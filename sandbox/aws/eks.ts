import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { regionOf } from './estate-lookup';
import { awsRestJsonRoute, jsonOutput, page } from './protocol';

/** EKS (rest-json): clusters, node groups and the versions calendar of the caller's region. */

function maxResults(ctx: RouteContext, fallback: number, limit: number): number {
  const raw = ctx.req.url.searchParams.get('maxResults');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > limit) {
    throw new ApiError(
      400,
      'InvalidParameterException',
      `maxResults must be between 1 and ${limit}`,
    );
  }
  return n;
}

export function paged<T>(ctx: RouteContext, items: readonly T[], fallback: number, limit: number) {
  const p = page(
    items,
    ctx.req.url.searchParams.get('nextToken'),
    maxResults(ctx, fallback, limit),
  );
  if (!p)
    throw new ApiError(400, 'InvalidParameterException', 'The nextToken provided is invalid.');
  return p;
}

export const clusterNotFound = (params: Record<string, string>) => ({
  status: 404,
  code: 'ResourceNotFoundException',
  message: `No cluster found for name: ${params['name']}.`,
});

export function clusterEntry(ctx: RouteContext) {
  const name = ctx.params['name'] as string;
  const entry = regionOf(ctx.state, ctx.req).entry?.clusters.find((c) => c.cluster.name === name);
  if (!entry) {
    const e = clusterNotFound(ctx.params);
    throw new ApiError(e.status, e.code, e.message);
  }
  return entry;
}

export const eksRoutes: Route[] = [
  awsRestJsonRoute({
    service: 'eks',
    operation: 'ListClusters',
    handle: (ctx, model) => {
      const names = (regionOf(ctx.state, ctx.req).entry?.clusters ?? []).map((c) => c.cluster.name);
      const p = paged(ctx, names, 100, 100);
      return jsonOutput(
        model,
        'ListClusters',
        { clusters: p.items, nextToken: p.next },
        ctx.requestId,
      );
    },
  }),
  awsRestJsonRoute({
    service: 'eks',
    operation: 'DescribeCluster',
    clusterParam: 'name',
    notFound: clusterNotFound,
    handle: (ctx, model) =>
      jsonOutput(model, 'DescribeCluster', { cluster: clusterEntry(ctx).cluster }, ctx.requestId),
  }),
  awsRestJsonRoute({
    service: 'eks',
    operation: 'ListNodegroups',
    clusterParam: 'name',
    notFound: clusterNotFound,
    handle: (ctx, model) => {
      const names = clusterEntry(ctx).nodegroups.map((n) => n.nodegroupName);
      const p = paged(ctx, names, 100, 100);
      return jsonOutput(
        model,
        'ListNodegroups',
        { nodegroups: p.items, nextToken: p.next },
        ctx.requestId,
      );
    },
  }),
  awsRestJsonRoute({
    service: 'eks',
    operation: 'DescribeNodegroup',
    clusterParam: 'name',
    notFound: clusterNotFound,
    handle: (ctx, model) => {
      const entry = clusterEntry(ctx);
      const wanted = ctx.params['nodegroupName'] as string;
      const nodegroup = entry.nodegroups.find((n) => n.nodegroupName === wanted);
      if (!nodegroup) {
        throw new ApiError(
          404,
          'ResourceNotFoundException',
          `No node group found for name: ${wanted}.`,
        );
      }
      return jsonOutput(
        model,
        'DescribeNodegroup',
        { nodegroup: { clusterName: entry.cluster.name, ...nodegroup } },
        ctx.requestId,
      );
    },
  }),
  awsRestJsonRoute({
    service: 'eks',
    operation: 'DescribeClusterVersions',
    handle: (ctx, model) => {
      const { entry } = regionOf(ctx.state, ctx.req);
      const q = ctx.req.url.searchParams;
      let versions = entry?.clusterVersions ?? ctx.state.estate.aws?.clusterVersions ?? [];
      const wanted = q.getAll('clusterVersions').flatMap((v) => v.split(','));
      if (wanted.length > 0) versions = versions.filter((v) => wanted.includes(v.clusterVersion));
      const status = q.get('versionStatus');
      if (status) versions = versions.filter((v) => v['versionStatus'] === status);
      const legacyStatus = q.get('status');
      if (legacyStatus) versions = versions.filter((v) => v['status'] === legacyStatus);
      if (q.get('defaultOnly') === 'true')
        versions = versions.filter((v) => v['defaultVersion'] === true);
      const clusterType = q.get('clusterType');
      if (clusterType)
        versions = versions.filter(
          (v) => v['clusterType'] === undefined || v['clusterType'] === clusterType,
        );
      const p = paged(ctx, versions, 100, 100);
      return jsonOutput(
        model,
        'DescribeClusterVersions',
        { clusterVersions: p.items, nextToken: p.next },
        ctx.requestId,
      );
    },
  }),
];
