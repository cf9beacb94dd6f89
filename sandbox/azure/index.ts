import type { Route } from '../route';
import { aksRelatedRoutes } from './aks-related';
import { entraRoutes } from './entra';
import { managedClusterRoutes } from './managed-clusters';
import { subscriptionRoutes } from './subscriptions';

/** Every Azure route; add a resource provider by adding its file's route list here. */
export const azureRoutes: Route[] = [
  ...entraRoutes,
  ...subscriptionRoutes,
  ...managedClusterRoutes,
  ...aksRelatedRoutes,
];
