import type { Route } from '../route';
import { containerRoutes } from './container';

/** Every Google Cloud route; add an API by adding its file's route list here. */
export const gcpRoutes: Route[] = [...containerRoutes];
