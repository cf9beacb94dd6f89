import type { AwsAccountEstate } from '../estate';
import type { SandboxRequest } from '../http';
import type { SandboxState } from '../state';
import { callerAccount } from './caller';

/** The estate's account the request's credentials belong to (undefined if not in the estate). */
export function accountOf(state: SandboxState, req: SandboxRequest): AwsAccountEstate | undefined {
  return state.estate.aws?.accounts[callerAccount(state, req.aws)];
}

/** The caller's account and signing region, and that region's estate entry when there is one. */
export function regionOf(state: SandboxState, req: SandboxRequest) {
  const account = callerAccount(state, req.aws);
  const region = req.aws?.region ?? 'us-east-1';
  return { account, region, entry: state.estate.aws?.accounts[account]?.regions[region] };
}

/** A `related` object of an estate entry (validated by its schema in related.ts at load). */
export function relatedOf<T>(
  entry: { related?: Record<string, unknown> | undefined } | undefined,
  key: string,
): T | undefined {
  // The loader validated the value against RELATED_SCHEMAS[...][key].
  return entry?.related?.[key] as T | undefined;
}
