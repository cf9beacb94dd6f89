import { awsRoutes } from './aws/index';
import { azureRoutes } from './azure/index';
import { gcpRoutes } from './gcp/index';
import type { Route } from './route';

/**
 * The route table: the first route whose `match` accepts a request serves it. AWS routes match
 * on the SigV4 signing service (then path, `X-Amz-Target` or `Action`), GCP routes on their
 * `/v1/projects/...` paths, Azure routes on `/subscriptions...` paths (and need `api-version`).
 */
export const ROUTES: Route[] = [...awsRoutes, ...gcpRoutes, ...azureRoutes];
