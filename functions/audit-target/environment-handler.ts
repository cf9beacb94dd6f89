import { DEFAULT_RUN_CACHE_TTL_MS, RunCache } from '../../core/run-cache';
import { type CollectorWiring, collectorsFor } from './collectors';
import { type AuditTargetHandlerDeps, makeHandler } from './handler';

export interface EnvironmentHandlerDeps extends Omit<AuditTargetHandlerDeps, 'collectors'> {
  /** How each invocation's collectors reach the clouds (their credentials are made per call). */
  wiring: Omit<CollectorWiring, 'sharedCache'>;
  /** How long a shared object is reused from its fetch (default 10 minutes). */
  sharedCacheTtlMs?: number;
}

/**
 * The audit-target handler of one execution environment, made once at its cold start. The
 * objects several targets of a run need (an account's IAM roles, role list and OIDC providers;
 * a Region's EKS and add-on versions; a project's IAM policy, firewalls, disks; a subscription's
 * Defender plan, a location's Kubernetes versions, role definitions) are kept here, so a warm
 * environment that audits several targets of one account, Region, project or subscription in a
 * run fetches each once. Credentials and SDK clients are made per invocation, as before.
 *
 * Sharing objects between invocations is safe because only data is kept, keyed by the account,
 * Region, project, subscription or resource id it belongs to (one account's objects never serve
 * another's target), fetched under the one configuration and identity this environment has;
 * a failed fetch is not kept (the next target asks with its own credentials), an entry serves
 * only targets of the run that fetched it, and expires `sharedCacheTtlMs` after its fetch.
 */
export function environmentHandler(deps: EnvironmentHandlerDeps) {
  const { wiring, sharedCacheTtlMs, ...handlerDeps } = deps;
  // One cache per run: a run started right after another (e.g. after fixing a finding) never
  // sees the earlier run's objects; the earlier run's cache is dropped with it.
  let shared: { runId: string; cache: RunCache } | undefined;
  const cacheOf = (runId: string): RunCache => {
    if (shared?.runId !== runId) {
      shared = {
        runId,
        cache: new RunCache(sharedCacheTtlMs ?? DEFAULT_RUN_CACHE_TTL_MS, deps.clock),
      };
    }
    return shared.cache;
  };
  return makeHandler({
    ...handlerDeps,
    collectors: (input) =>
      collectorsFor(deps.config, { ...wiring, sharedCache: cacheOf(input.run.runId) }),
  });
}
