import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { regionOf, relatedOf } from './estate-lookup';
import { awsRestJsonRoute, jsonOutput, page } from './protocol';

/** GuardDuty (rest-json): the detectors of the caller's account and region. */

interface DetectorJson {
  detectorId: string;
  detector: Record<string, unknown>;
}

const detectors = (ctx: RouteContext): DetectorJson[] =>
  relatedOf<DetectorJson[]>(regionOf(ctx.state, ctx.req).entry, 'guardDutyDetectors') ?? [];

export const guardDutyRoutes: Route[] = [
  awsRestJsonRoute({
    service: 'guardduty',
    operation: 'ListDetectors',
    handle: (ctx, model) => {
      const q = ctx.req.url.searchParams;
      const raw = q.get('maxResults');
      const max = raw === null ? 50 : Number(raw);
      if (!Number.isInteger(max) || max < 1 || max > 50) {
        throw new ApiError(400, 'BadRequestException', 'The maxResults must be between 1 and 50.');
      }
      const p = page(
        detectors(ctx).map((d) => d.detectorId),
        q.get('nextToken'),
        max,
      );
      if (!p) throw new ApiError(400, 'BadRequestException', 'The nextToken is not valid.');
      return jsonOutput(
        model,
        'ListDetectors',
        { DetectorIds: p.items, NextToken: p.next },
        ctx.requestId,
      );
    },
  }),
  awsRestJsonRoute({
    service: 'guardduty',
    operation: 'GetDetector',
    handle: (ctx, model) => {
      const id = ctx.params['DetectorId'] as string;
      const found = detectors(ctx).find((d) => d.detectorId === id);
      if (!found) {
        throw new ApiError(
          400,
          'BadRequestException',
          'The request is rejected because the input detectorId is not owned by the current account.',
        );
      }
      return jsonOutput(model, 'GetDetector', found.detector, ctx.requestId);
    },
  }),
];
