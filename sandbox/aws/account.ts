import { ApiError } from '../api-error';
import type { Route } from '../route';
import { accountOf } from './estate-lookup';
import { awsRestJsonRoute, jsonBody, jsonOutput, page } from './protocol';

/** Account Management (rest-json, global): the regions of the caller's account. */

/**
 * Opt-in regions (disabled unless the account enables them). Every other region of the estate
 * is enabled by default. Source: "Specify which AWS Regions your account can use", AWS Account
 * Management Reference Guide.
 */
const OPT_IN_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
];
const STATUSES = ['ENABLED', 'ENABLING', 'DISABLING', 'DISABLED', 'ENABLED_BY_DEFAULT'];
/** The page size when MaxResults is absent (the API documents none; 1 to 50 are allowed). */
const DEFAULT_PAGE = 20;

export const accountRoutes: Route[] = [
  awsRestJsonRoute({
    service: 'account',
    operation: 'ListRegions',
    global: true,
    handle: (ctx, model) => {
      const body = jsonBody(ctx.req);
      if (body['AccountId'] !== undefined) {
        // The auditor calls it in the member account itself; the organization form (management
        // account or delegated administrator, with trusted access) is not served.
        throw new ApiError(400, 'ValidationException', 'AccountId is not supported here');
      }
      const max = body['MaxResults'] ?? DEFAULT_PAGE;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 50) {
        throw new ApiError(400, 'ValidationException', 'MaxResults must be between 1 and 50');
      }
      const wanted = body['RegionOptStatusContains'] ?? [];
      if (!Array.isArray(wanted) || wanted.some((s) => !STATUSES.includes(String(s)))) {
        throw new ApiError(400, 'ValidationException', 'RegionOptStatusContains is not valid');
      }
      const account = accountOf(ctx.state, ctx.req);
      const enabled = account?.enabledRegions ?? Object.keys(account?.regions ?? {});
      const regions = [
        ...enabled.map((r) => ({
          RegionName: r,
          RegionOptStatus: OPT_IN_REGIONS.includes(r) ? 'ENABLED' : 'ENABLED_BY_DEFAULT',
        })),
        ...OPT_IN_REGIONS.filter((r) => !enabled.includes(r)).map((r) => ({
          RegionName: r,
          RegionOptStatus: 'DISABLED',
        })),
      ]
        .filter((r) => wanted.length === 0 || wanted.includes(r.RegionOptStatus))
        .sort((a, b) => a.RegionName.localeCompare(b.RegionName));
      const token = body['NextToken'];
      const p = page(regions, typeof token === 'string' ? token : undefined, max);
      if (!p) throw new ApiError(400, 'ValidationException', 'NextToken is not valid');
      return jsonOutput(
        model,
        'ListRegions',
        { Regions: p.items, NextToken: p.next },
        ctx.requestId,
      );
    },
  }),
];
