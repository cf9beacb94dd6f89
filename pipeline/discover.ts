import type { Logger } from '../core/logger';
import type { CollectionError } from '../core/snapshot';
import { type Target, targetLabel } from '../core/target';
import { keys } from './keys';
import type { RunConfig } from './run-config';
import { newRunRef } from './run-ref';
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
  /** The regions enabled in one account (ec2:DescribeRegions in that account). */
  listEnabledRegions?: (account: string) => Promise<string[]>;
}

export interface DiscoverDeps {
  store: ObjectStore;
  clock: () => Date;
  logger: Logger;
  aws?: AwsDiscoveryHooks;
}

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
        // One account's denied DescribeRegions costs only its unlisted regions.
        errors.push(errorOf('ec2:DescribeRegions', error, account));
      }
    }
    for (const region of regions) targets.push({ cloud: 'aws', account, region });
  }
  return targets;
}

/**
 * Step 1 of a run: turns the configuration into targets (AWS account × region, GCP project,
 * Azure subscription) and stores them at `targets.json`.
 */
export async function discover(
  config: RunConfig,
  deps: DiscoverDeps,
  run: RunRef = newRunRef(deps.clock()),
): Promise<DiscoverOutput> {
  const errors: CollectionError[] = [];
  const targets: Target[] = [
    ...(await awsTargets(config.aws, deps.aws ?? {}, errors)),
    ...[...new Set(config.gcp.projects)].map((project): Target => ({ cloud: 'gcp', project })),
    ...[...new Set(config.azure.subscriptions)].map(
      (subscription): Target => ({ cloud: 'azure', subscription }),
    ),
  ];
  const output: DiscoverOutput = {
    run,
    targetsKey: keys.targets(run),
    targets,
    ...(errors.length > 0 ? { errors } : {}),
  };
  await deps.store.put(
    output.targetsKey,
    `${JSON.stringify(output, null, 2)}\n`,
    'application/json',
  );
  deps.logger.info('Discovered targets', {
    runId: run.runId,
    targets: targets.map(targetLabel),
    errors: errors.length,
  });
  return output;
}
