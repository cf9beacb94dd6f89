import type { Route } from '../route';
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
