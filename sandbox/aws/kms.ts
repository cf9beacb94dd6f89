import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { regionOf, relatedOf } from './estate-lookup';
import { awsJsonRoute, jsonBody, jsonOutput } from './protocol';

/** KMS (JSON 1.1): the keys of the region's `related.kmsKeys`, looked up by id or ARN. */

interface KeyJson {
  metadata: Record<string, unknown> & { KeyId: string; Arn: string };
  rotationEnabled: boolean;
  policy: Record<string, unknown>;
}

function keyOf(ctx: RouteContext): KeyJson {
  const id = String(jsonBody(ctx.req)['KeyId'] ?? '');
  const keys = relatedOf<KeyJson[]>(regionOf(ctx.state, ctx.req).entry, 'kmsKeys') ?? [];
  const key = keys.find((k) => k.metadata.KeyId === id || k.metadata.Arn === id);
  if (!key) throw new ApiError(400, 'NotFoundException', `Key '${id}' does not exist`);
  return key;
}

export const kmsRoutes: Route[] = [
  awsJsonRoute({
    service: 'kms',
    operation: 'DescribeKey',
    handle: (ctx, model) =>
      jsonOutput(model, 'DescribeKey', { KeyMetadata: keyOf(ctx).metadata }, ctx.requestId),
  }),
  awsJsonRoute({
    service: 'kms',
    operation: 'GetKeyRotationStatus',
    handle: (ctx, model) => {
      const key = keyOf(ctx);
      return jsonOutput(
        model,
        'GetKeyRotationStatus',
        { KeyRotationEnabled: key.rotationEnabled, KeyId: key.metadata.Arn },
        ctx.requestId,
      );
    },
  }),
  awsJsonRoute({
    service: 'kms',
    operation: 'GetKeyPolicy',
    handle: (ctx, model) => {
      const key = keyOf(ctx);
      const name = jsonBody(ctx.req)['PolicyName'] ?? 'default';
      if (name !== 'default')
        throw new ApiError(400, 'NotFoundException', `Policy ${String(name)} not found`);
      return jsonOutput(
        model,
        'GetKeyPolicy',
        { Policy: JSON.stringify(key.policy), PolicyName: 'default' },
        ctx.requestId,
      );
    },
  }),
];
