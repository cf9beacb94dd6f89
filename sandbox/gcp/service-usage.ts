import type { Route } from '../route';
import { projectNumber, projectRelated } from './project';
import { gcpRoute, protoJsonReply } from './rest';

/** Service Usage v1: one service's state (enabled when the estate lists it). */
export const serviceUsageRoutes: Route[] = [
  gcpRoute({
    service: 'serviceusage',
    operation: 'services.get',
    method: 'GET',
    path: '/v1/projects/{project}/services/{service}',
    handle: (ctx) => {
      const service = ctx.params['service'] as string;
      const enabled = (projectRelated<string[]>(ctx, 'enabledServices') ?? []).includes(service);
      const parent = `projects/${projectNumber(ctx)}`;
      return protoJsonReply({
        name: `${parent}/services/${service}`,
        parent,
        state: enabled ? 'ENABLED' : 'DISABLED',
      });
    },
  }),
];
