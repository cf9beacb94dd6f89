import type { Logger } from '../core/logger';
import { mapLimit } from '../core/map-limit';
import type { CollectionError } from '../core/snapshot';
import { type Target, targetLabel } from '../core/target';
import { keys } from './keys';
import type { RunConfig } from './run-config';
import { newRunRef } from './run-ref';
import { listAndSplit, type ScopeLister, type ScopeListing } from './split-targets';
import type { DiscoverOutput, ObjectStore, RunRef } from './types';

/**
 * Hooks for AWS-wide discovery, injected by the runner that has the clients. Without them a
 * config that asks for the organization or for every enabled region is refused, not narrowed.
 */
export interface AwsDiscoveryHooks {
  /**
   * Every ACTIVE account of the AWS Organization (organizations:ListAccounts), or of the OUs of
   * `scope` with everything below them.
   */
  listOrganizationAccounts?: (scope?: {
    include: readonly string[];
    exclude: readonly string[];
  }) => Promise<string[]>;
  /** The regions enabled in one account (account:ListRegions in that account). */
  listEnabledRegions?: (account: string) => Promise<string[]>;
  /** The EKS cluster names of an account+region (eks:ListClusters, through the member role). */
  listClusters?: (account: string, region: string) => Promise<string[]>;
}

/** Hooks for Google Cloud discovery (providers/gcp/discovery.ts). */
export interface GcpDiscoveryHooks {
  /** Every ACTIVE project below the organizations and folders, at any depth. */
  listProjects?: (parents: readonly string[]) => Promise<string[]>;
  /** The GKE clusters of a project (`locations/-`), keyed `location/name`. */
  listClusters?: (project: string) => Promise<ScopeListing>;
}

/** Hooks for Azure discovery (providers/azure/discovery.ts). */
export interface AzureDiscoveryHooks {
  /** Every usable subscription the identity can see. */
  listSubscriptions?: () => Promise<string[]>;
  /** The AKS clusters of a subscription, keyed `resourceGroup/name`. */
  listClusters?: (subscription: string) => Promise<ScopeListing>;
}

export interface DiscoverDeps {
  store: ObjectStore;
  clock: () => Date;
  logger: Logger;
  aws?: AwsDiscoveryHooks;
  gcp?: GcpDiscoveryHooks;
  azure?: AzureDiscoveryHooks;
}

/** Every discovery hook of a runner (made per Lambda invocation in `functions/discover`). */
export type DiscoveryHooks = Pick<DiscoverDeps, 'aws' | 'gcp' | 'azure'>;

/** The configuration asks for something this runner cannot discover. */
export class DiscoveryConfigError extends Error {
  override readonly name = 'DiscoveryConfigError';
}

const errorOf = (operation: string, error: unknown, resource?: string): CollectionError => {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    operation,
    ...(resource === undefined ? {} : { resource }),
    code: e.name && e.name !== 'Error' ? e.name : 'Error',
    message: e.message,
  };
};

async function awsTargets(
  config: RunConfig['aws'],
  hooks: AwsDiscoveryHooks,
  errors: CollectionError[],
): Promise<Target[]> {
  const accounts = [...config.accounts];
  if (config.organization) {
    if (!hooks.listOrganizationAccounts) {
      throw new DiscoveryConfigError(
        'aws.organization is true, but this runner cannot list the AWS Organization accounts; list them in aws.accounts',
      );
    }
    // Without the account list the run cannot know its scope: let the step fail and retry.
    accounts.push(...(await hooks.listOrganizationAccounts(config.organizationalUnits)));
  }
  const targets: Target[] = [];
  for (const account of new Set(accounts)) {
    let regions = config.regions;
    if (config.allEnabledRegions) {
      if (!hooks.listEnabledRegions) {
        throw new DiscoveryConfigError(
          'aws.allEnabledRegions is true, but this runner cannot list enabled regions; list them in aws.regions',
        );
      }
      try {
        regions = [...new Set([...config.regions, ...(await hooks.listEnabledRegions(account))])];
      } catch (error) {
        // One account's denied ListRegions costs only its unlisted regions.
        errors.push(errorOf('account:ListRegions', error, account));
      }
    }
    for (const region of regions) targets.push({ cloud: 'aws', account, region });
  }
  return targets;
}

async function gcpTargets(
  config: RunConfig['gcp'],
  hooks: GcpDiscoveryHooks,
  errors: CollectionError[],
): Promise<Target[]> {
  const projects = [...config.projects];
  if (config.parents.length > 0) {
    if (!hooks.listProjects) {
      throw new DiscoveryConfigError(
        'gcp.parents is set, but this runner cannot list Google Cloud projects; list them in gcp.projects',
      );
    }
    try {
      projects.push(...(await hooks.listProjects(config.parents)));
    } catch (error) {
      // The listed projects are still audited; the summary names what could not be listed.
      errors.push(errorOf('cloudresourcemanager:projects.list', error, config.parents.join(',')));
    }
  }
  return [...new Set(projects)].map((project): Target => ({ cloud: 'gcp', project }));
}

async function azureTargets(
  config: RunConfig['azure'],
  hooks: AzureDiscoveryHooks,
  errors: CollectionError[],
): Promise<Target[]> {
  const subscriptions = [...config.subscriptions];
  if (config.allSubscriptions) {
    if (!hooks.listSubscriptions) {
      throw new DiscoveryConfigError(
        'azure.allSubscriptions is true, but this runner cannot list Azure subscriptions; list them in azure.subscriptions',
      );
    }
    try {
      subscriptions.push(...(await hooks.listSubscriptions()));
    } catch (error) {
      errors.push(errorOf('resources:Subscriptions.List', error));
    }
  }
  // Subscription ids are GUIDs: one spelling per subscription.
  const unique = new Map(subscriptions.map((s) => [s.toLowerCase(), s]));
  return [...unique.values()].map((subscription): Target => ({ cloud: 'azure', subscription }));
}

/** The cluster lister of a scope's cloud, if this runner has one. */
function listerOf(deps: DiscoverDeps): (scope: Target) => ScopeLister | undefined {
  const { aws, gcp, azure } = deps;
  const awsList = aws?.listClusters;
  const gcpList = gcp?.listClusters;
  const azureList = azure?.listClusters;
  return (scope) => {
    if (scope.cloud === 'aws' && awsList && scope.roleArn === undefined) {
      return async () => ({ keys: await awsList(scope.account, scope.region) });
    }
    if (scope.cloud === 'gcp' && gcpList) return () => gcpList(scope.project);
    if (scope.cloud === 'azure' && azureList) return () => azureList(scope.subscription);
    return undefined;
  };
}

/**
 * Step 1 of a run: turns the configuration into scopes (AWS account × region, GCP project,
 * Azure subscription), lists each scope's clusters where this runner can, and makes the
 * targets: none for a scope without clusters, one per scope up to `maxClustersPerTarget`
 * clusters, parts beyond. The targets name their clusters, so the audit does not list again;
 * listed GKE and AKS objects are stored next to each target (`keys.listed`) for its audit.
 * A scope whose listing fails stays one target that lists (and reports the error) itself.
 * Stores the targets at `targets.json`.
 */
export async function discover(
  config: RunConfig,
  deps: DiscoverDeps,
  run: RunRef = newRunRef(deps.clock()),
): Promise<DiscoverOutput> {
  const errors: CollectionError[] = [];
  // The clouds are discovered at the same time; targets keep the order aws, gcp, azure.
  const scopes: Target[] = (
    await Promise.all([
      awsTargets(config.aws, deps.aws ?? {}, errors),
      gcpTargets(config.gcp, deps.gcp ?? {}, errors),
      azureTargets(config.azure, deps.azure ?? {}, errors),
    ])
  ).flat();
  const listed = await listAndSplit(
    scopes,
    listerOf(deps),
    config.maxClustersPerTarget,
    deps.clock,
    (scope, error) =>
      deps.logger.warn('Could not list the clusters of a scope: it is audited whole', {
        scope: targetLabel(scope),
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      }),
  );
  // The audit reads its clusters' objects from here; written before the targets that name them.
  await mapLimit(listed.targets, 8, async ({ target, listed: objects }) => {
    if (objects === undefined) return;
    await deps.store.put(keys.listed(run, target), `${JSON.stringify(objects)}\n`, JSON_TYPE);
  });
  const targets = listed.targets.map((t) => t.target);
  const output: DiscoverOutput = {
    run,
    targetsKey: keys.targets(run),
    targets,
    ...(errors.length > 0 ? { errors } : {}),
    ...(listed.emptyScopes.length > 0 ? { emptyScopes: listed.emptyScopes } : {}),
  };
  await deps.store.put(output.targetsKey, `${JSON.stringify(output, null, 2)}\n`, JSON_TYPE);
  deps.logger.info('Discovered targets', {
    runId: run.runId,
    scopes: scopes.length,
    emptyScopes: listed.emptyScopes.length,
    targets: targets.map(targetLabel),
    errors: errors.length,
  });
  return output;
}

const JSON_TYPE = 'application/json';
