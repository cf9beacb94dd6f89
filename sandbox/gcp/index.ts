import type { Route } from '../route';
import { computeRoutes } from './compute';
import { containerRoutes } from './container';
import { gcpFederationRoutes } from './federation';
import { gcpOAuthRoutes } from './oauth-token';
import { resourceManagerRoutes, resourceManagerV3Routes } from './resource-manager';
import { serviceUsageRoutes } from './service-usage';

/** Every Google Cloud route; add an API by adding its file's route list here. */
export const gcpRoutes: Route[] = [
  ...gcpFederationRoutes,
  ...gcpOAuthRoutes,
  ...containerRoutes,
  ...resourceManagerRoutes,
  ...resourceManagerV3Routes,
  ...computeRoutes,
  ...serviceUsageRoutes,
];
