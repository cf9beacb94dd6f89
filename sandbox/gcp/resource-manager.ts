import { ApiError } from '../api-error';
import { page } from '../aws/protocol';
import type { Reply } from '../http';
import { pagedListRoute } from '../list-route';
import type { Route, RouteContext } from '../route';
import { gcpProject, projectNumber, projectRelated } from './project';
import { gcpRoute, protoJsonReply } from './rest';

/** Cloud Resource Manager v1: the project (its number) and its IAM policy. */
export const resourceManagerRoutes: Route[] = [
  gcpRoute({
    service: 'cloudresourcemanager',
    operation: 'projects.get',
    method: 'GET',
    path: '/v1/projects/{project}',
    handle: (ctx) => {
      gcpProject(ctx);
      const id = ctx.params['project'] as string;
      return protoJsonReply({
        projectNumber: projectNumber(ctx),
        projectId: id,
        lifecycleState: 'ACTIVE',
        name: id,
      });
    },
  }),
  gcpRoute({
    service: 'cloudresourcemanager',
    operation: 'projects.getIamPolicy',
    method: 'POST',
    path: '/v1/projects/{project}:getIamPolicy',
    handle: (ctx) =>
      protoJsonReply({
        version: 1,
        etag: 'BwYsandbox0=',
        ...(projectRelated<Record<string, unknown>>(ctx, 'iamPolicy') ?? {}),
      }),
  }),
];

/**
 * `?pageSize=&pageToken=` paging of a v3 list (default page size 50, as a stand-in), answered
 * as `{ <key>: [...], nextPageToken }`.
 */
const v3Page =
  (key: string) =>
  (ctx: RouteContext, items: readonly unknown[]): Reply => {
    const size = Number(ctx.req.url.searchParams.get('pageSize') ?? '50');
    const p = page(items, ctx.req.url.searchParams.get('pageToken'), size > 0 ? size : 50);
    if (!p) throw new ApiError(400, 'INVALID_ARGUMENT', 'Invalid page token.');
    return protoJsonReply({ [key]: p.items, nextPageToken: p.next });
  };

/** The required `parent` query parameter (v3 lists are always under a parent). */
function parentOf(ctx: RouteContext): string {
  const parent = ctx.req.url.searchParams.get('parent') ?? '';
  if (!/^(organizations|folders)\/\d+$/.test(parent)) {
    throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid parent "${parent}".`);
  }
  return parent;
}

/** Resource Manager v3: the projects and folders directly under a parent. */
export const resourceManagerV3Routes: Route[] = [
  pagedListRoute(gcpRoute, v3Page('projects'), {
    service: 'cloudresourcemanager',
    operation: 'projects.list',
    path: '/v3/projects',
    items: (ctx) => {
      const parent = parentOf(ctx);
      return Object.entries(ctx.state.estate.gcp?.projects ?? {})
        .filter(([, p]) => p.parent === parent)
        .map(([id, p]) => ({
          name: `projects/${p.projectNumber ?? id}`,
          parent,
          projectId: id,
          state: p.state,
          displayName: id,
        }));
    },
  }),
  pagedListRoute(gcpRoute, v3Page('folders'), {
    service: 'cloudresourcemanager',
    operation: 'folders.list',
    path: '/v3/folders',
    items: (ctx) => {
      const parent = parentOf(ctx);
      return (ctx.state.estate.gcp?.folders ?? [])
        .filter((f) => f.parent === parent)
        .map((f) => ({
          name: `folders/${f.id}`,
          parent,
          displayName: f.displayName ?? f.id,
          state: 'ACTIVE',
        }));
    },
  }),
];
