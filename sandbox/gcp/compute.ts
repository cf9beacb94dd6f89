import { ApiError } from '../api-error';
import type { Route } from '../route';
import { projectRelated } from './project';
import { gcpRoute, protoJsonReply } from './rest';

type Json = Record<string, unknown> & { name: string };

const COMPUTE = 'https://www.googleapis.com/compute/v1';

/** `maxResults` / `pageToken` paging as Compute does it (default 500 per page). */
function page<T>(items: T[], url: URL): { items: T[]; nextPageToken?: string } {
  const max = Number(url.searchParams.get('maxResults') ?? 500);
  const start = Number(url.searchParams.get('pageToken') ?? 0);
  const slice = items.slice(start, start + max);
  return start + max < items.length
    ? { items: slice, nextPageToken: String(start + max) }
    : { items: slice };
}

/** Compute Engine v1: firewall rules, subnetworks and disks the GKE checks read. */
export const computeRoutes: Route[] = [
  gcpRoute({
    service: 'compute',
    operation: 'firewalls.list',
    method: 'GET',
    path: '/compute/v1/projects/{project}/global/firewalls',
    handle: (ctx) => {
      const all = projectRelated<Json[]>(ctx, 'firewalls') ?? [];
      const p = page(all, ctx.req.url);
      return protoJsonReply({ kind: 'compute#firewallList', ...p });
    },
  }),
  gcpRoute({
    service: 'compute',
    operation: 'subnetworks.get',
    method: 'GET',
    path: '/compute/v1/projects/{project}/regions/{region}/subnetworks/{subnetwork}',
    handle: (ctx) => {
      const { project, region, subnetwork } = ctx.params;
      const found = (projectRelated<Json[]>(ctx, 'subnetworks') ?? []).find(
        (s) => s.name === subnetwork && s['region'] === region,
      );
      if (!found) {
        throw new ApiError(
          404,
          'NOT_FOUND',
          `The resource 'projects/${project}/regions/${region}/subnetworks/${subnetwork}' was not found`,
        );
      }
      return protoJsonReply({
        kind: 'compute#subnetwork',
        ...found,
        region: `${COMPUTE}/projects/${project}/regions/${region}`,
        selfLink: `${COMPUTE}/projects/${project}/regions/${region}/subnetworks/${subnetwork}`,
      });
    },
  }),
  gcpRoute({
    service: 'compute',
    operation: 'disks.aggregatedList',
    method: 'GET',
    path: '/compute/v1/projects/{project}/aggregated/disks',
    handle: (ctx) => {
      const { project } = ctx.params;
      let disks = projectRelated<Json[]>(ctx, 'disks') ?? [];
      // Compute list filters of the form `<field> eq "<regular expression>"` (whole-value match).
      const filter = /^([A-Za-z.]+) eq "(.*)"$/.exec(ctx.req.url.searchParams.get('filter') ?? '');
      if (filter) {
        const [, field, pattern] = filter;
        const re = new RegExp(`^(?:${pattern})$`);
        disks = disks.filter((d) => re.test(String(d[field as string] ?? '')));
      }
      const p = page(disks, ctx.req.url);
      const items: Record<string, { disks: Json[] }> = {};
      for (const d of p.items) {
        const zone = `zones/${d['zone']}`;
        const bucket = items[zone] ?? { disks: [] };
        items[zone] = bucket;
        bucket.disks.push({
          ...d,
          zone: `${COMPUTE}/projects/${project}/${zone}`,
        });
      }
      return protoJsonReply({
        kind: 'compute#diskAggregatedList',
        items,
        ...(p.nextPageToken ? { nextPageToken: p.nextPageToken } : {}),
      });
    },
  }),
];
