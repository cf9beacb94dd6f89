import type { Reply } from './http';
import type { Route, RouteContext } from './route';

/** What the route helpers of the clouds (`gcpRoute`, `armRoute`) take. */
export interface RouteSpec {
  service: string;
  operation: string;
  method: string;
  path: string;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

/** A list operation: its name, its path and the whole list it answers for a request. */
export interface ListSpec<T> {
  service: string;
  operation: string;
  path: string;
  items(ctx: RouteContext): readonly T[];
}

/**
 * A GET route answering one page of a list: `route` is the cloud's route helper, `page` cuts
 * the list and wraps it the way that API pages (ARM `nextLink`, Google `nextPageToken`).
 */
export function pagedListRoute<T>(
  route: (spec: RouteSpec) => Route,
  page: (ctx: RouteContext, items: readonly T[]) => Reply,
  spec: ListSpec<T>,
): Route {
  const { items, ...name } = spec;
  return route({ ...name, method: 'GET', handle: (ctx) => page(ctx, items(ctx)) });
}
