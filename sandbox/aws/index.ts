import type { Route } from '../route';
import { eksRoutes } from './eks';
import { stsRoutes } from './sts';

/** Every AWS route; add a service by adding its file's route list here. */
export const awsRoutes: Route[] = [...stsRoutes, ...eksRoutes];
