import { ApiError } from '../api-error';
import type { GcpProjectEstate } from '../estate';
import type { RouteContext } from '../route';

type Json = Record<string, unknown>;

/** The estate project of the `{project}` path parameter; 403 as Google answers for unknown ones. */
export function gcpProject(ctx: RouteContext): GcpProjectEstate {
  const id = ctx.params['project'] as string;
  const p = ctx.state.estate.gcp?.projects[id];
  if (!p) {
    throw new ApiError(
      403,
      'PERMISSION_DENIED',
      `Permission denied on resource project ${id} (or it may not exist).`,
    );
  }
  return p;
}

/** A related object of the project (keys registered in sandbox/related.ts). */
export function projectRelated<T>(ctx: RouteContext, key: string): T | undefined {
  return (gcpProject(ctx).related as Json | undefined)?.[key] as T | undefined;
}

/** The project number: the estate's, else a stable one derived from the id. */
export function projectNumber(ctx: RouteContext): string {
  const p = gcpProject(ctx);
  if (p.projectNumber) return p.projectNumber;
  let h = 0;
  for (const ch of ctx.params['project'] as string) h = (h * 31 + ch.charCodeAt(0)) % 1e11;
  return String(100000000000 + h);
}
