import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { regionOf, relatedOf } from './estate-lookup';
import { awsJsonRoute, jsonBody, jsonOutput, page } from './protocol';

/** CloudWatch Logs (JSON 1.1): the log groups of the region's `related.logGroups`. */

type Obj = Record<string, unknown>;

function groups(ctx: RouteContext): (Obj & { logGroupName: string })[] {
  return (
    relatedOf<(Obj & { logGroupName: string })[]>(
      regionOf(ctx.state, ctx.req).entry,
      'logGroups',
    ) ?? []
  );
}

export const logsRoutes: Route[] = [
  awsJsonRoute({
    service: 'logs',
    operation: 'DescribeLogGroups',
    handle: (ctx, model) => {
      const body = jsonBody(ctx.req);
      const prefix =
        typeof body['logGroupNamePrefix'] === 'string' ? body['logGroupNamePrefix'] : '';
      const limit = typeof body['limit'] === 'number' ? body['limit'] : 50;
      if (limit < 1 || limit > 50) {
        throw new ApiError(
          400,
          'InvalidParameterException',
          "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
        );
      }
      // The API answers in ASCII order of the name, whatever order the groups were made in.
      const items = groups(ctx)
        .filter((g) => g.logGroupName.startsWith(prefix))
        .sort((a, b) =>
          a.logGroupName < b.logGroupName ? -1 : a.logGroupName > b.logGroupName ? 1 : 0,
        );
      const p = page(
        items,
        typeof body['nextToken'] === 'string' ? body['nextToken'] : undefined,
        limit,
      );
      if (!p)
        throw new ApiError(400, 'InvalidParameterException', 'The specified nextToken is invalid.');
      return jsonOutput(
        model,
        'DescribeLogGroups',
        { logGroups: p.items, nextToken: p.next },
        ctx.requestId,
      );
    },
  }),
];
