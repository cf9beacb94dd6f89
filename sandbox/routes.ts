import { awsRoutes } from './aws/index';
import type { Route } from './route';

/**
 * The route table: the first route whose `match` accepts a request serves it. AWS routes match
 * on the SigV4 signing service (then path, `X-Amz-Target` or `Action`), GCP routes on `/v1/...`
 * paths, Azure routes on `/subscriptions...` paths with `api-version`.
 */
export const ROUTES: Route[] = [...awsRoutes];
