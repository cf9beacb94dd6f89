import {
  type ECRClient,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  paginateDescribeRepositories,
  RepositoryPolicyNotFoundException,
} from '@aws-sdk/client-ecr';
import { mapLimit } from '../../core/map-limit';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import type { EksEcrRepository, EksEcrScanningConfiguration } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';
import { allPages } from './list-then-describe';

/** ecr:GetRegistryScanningConfiguration of the registry (account+region). */
export async function collectEcrScanning(
  ecr: ECRClient,
): Promise<Part<EksEcrScanningConfiguration>> {
  try {
    const { $metadata: _, ...out } = await ecr.send(
      new GetRegistryScanningConfigurationCommand({}),
    );
    return collected(toWire(out), ['ecr:GetRegistryScanningConfiguration']);
  } catch (error) {
    return failed([toCollectionError('ecr:GetRegistryScanningConfiguration', error)]);
  }
}

/** ecr:DescribeRepositories of the registry (every page). */
export async function collectEcrRepositories(ecr: ECRClient): Promise<Part<EksEcrRepository[]>> {
  try {
    const repos = await allPages(
      paginateDescribeRepositories({ client: ecr }, {}),
      (p) => p.repositories,
    );
    return collected(toWire(repos), ['ecr:DescribeRepositories']);
  } catch (error) {
    return failed([toCollectionError('ecr:DescribeRepositories', error)]);
  }
}

/**
 * ecr:GetRepositoryPolicy of each repository; RepositoryPolicyNotFoundException means the
 * repository has no policy (`policyText` absent), not a failure.
 */
export async function collectEcrRepositoryPolicies(
  ecr: ECRClient,
  repositories: Part<EksEcrRepository[]>,
): Promise<Part<{ repositoryName: string; policyText?: string }[]>> {
  if (repositories.state !== 'collected') return repositories;
  const errors: CollectionError[] = [];
  const names = repositories.value.flatMap((r) => (r.repositoryName ? [r.repositoryName] : []));
  const policies = await mapLimit(names, 4, async (repositoryName) => {
    try {
      const out = await ecr.send(new GetRepositoryPolicyCommand({ repositoryName }));
      return out.policyText === undefined
        ? { repositoryName }
        : { repositoryName, policyText: out.policyText };
    } catch (error) {
      if (error instanceof RepositoryPolicyNotFoundException) return { repositoryName };
      errors.push(toCollectionError('ecr:GetRepositoryPolicy', error, repositoryName));
      return undefined;
    }
  });
  const found = policies.flatMap((p) => (p === undefined ? [] : [p]));
  if (names.length > 0 && found.length === 0) return failed(errors);
  return collected(found, ['ecr:GetRepositoryPolicy'], errors);
}
