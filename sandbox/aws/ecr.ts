import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { regionOf, relatedOf } from './estate-lookup';
import { awsJsonRoute, jsonBody, jsonOutput, page } from './protocol';

/** ECR (JSON 1.1): the registry scanning configuration and repositories of the region. */

interface RepoJson {
  repository: Record<string, unknown> & { repositoryName: string };
  policy?: Record<string, unknown>;
}

const related = <T>(ctx: RouteContext, key: string): T | undefined =>
  relatedOf<T>(regionOf(ctx.state, ctx.req).entry, key);

export const ecrRoutes: Route[] = [
  awsJsonRoute({
    service: 'ecr',
    operation: 'GetRegistryScanningConfiguration',
    handle: (ctx, model) => {
      const { account } = regionOf(ctx.state, ctx.req);
      const config = related<Record<string, unknown>>(ctx, 'ecrScanningConfiguration') ?? {
        scanType: 'BASIC',
        rules: [],
      };
      return jsonOutput(
        model,
        'GetRegistryScanningConfiguration',
        { registryId: account, scanningConfiguration: config },
        ctx.requestId,
      );
    },
  }),
  awsJsonRoute({
    service: 'ecr',
    operation: 'DescribeRepositories',
    handle: (ctx, model) => {
      const body = jsonBody(ctx.req);
      const max = typeof body['maxResults'] === 'number' ? body['maxResults'] : 100;
      const repos = (related<RepoJson[]>(ctx, 'ecrRepositories') ?? []).map((r) => r.repository);
      const p = page(
        repos,
        typeof body['nextToken'] === 'string' ? body['nextToken'] : undefined,
        max,
      );
      if (!p) throw new ApiError(400, 'InvalidParameterException', 'Invalid parameter: nextToken');
      return jsonOutput(
        model,
        'DescribeRepositories',
        { repositories: p.items, nextToken: p.next },
        ctx.requestId,
      );
    },
  }),
  awsJsonRoute({
    service: 'ecr',
    operation: 'GetRepositoryPolicy',
    handle: (ctx, model) => {
      const { account } = regionOf(ctx.state, ctx.req);
      const name = String(jsonBody(ctx.req)['repositoryName'] ?? '');
      const repo = (related<RepoJson[]>(ctx, 'ecrRepositories') ?? []).find(
        (r) => r.repository.repositoryName === name,
      );
      if (!repo) {
        throw new ApiError(
          400,
          'RepositoryNotFoundException',
          `The repository with name '${name}' does not exist in the registry with id '${account}'`,
        );
      }
      if (!repo.policy) {
        throw new ApiError(
          400,
          'RepositoryPolicyNotFoundException',
          `Repository policy does not exist for the repository with name '${name}' in the registry with id '${account}'`,
        );
      }
      return jsonOutput(
        model,
        'GetRepositoryPolicy',
        { registryId: account, repositoryName: name, policyText: JSON.stringify(repo.policy) },
        ctx.requestId,
      );
    },
  }),
];
