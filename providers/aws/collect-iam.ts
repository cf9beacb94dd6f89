import type { Role } from '@aws-sdk/client-iam';
import {
  type IAMClient,
  ListOpenIDConnectProvidersCommand,
  paginateListRoles,
} from '@aws-sdk/client-iam';
import { collected, failed, type Part } from '../../core/snapshot';
import type { EksCluster } from '../../core/snapshot-eks';
import type { Wire } from '../../core/wire';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';
import { allPages } from './list-then-describe';

/** iam:ListOpenIDConnectProviders of the account (not paginated by the API). */
export async function collectOidcProviderArns(iam: IAMClient): Promise<Part<string[]>> {
  try {
    const out = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    const arns = (out.OpenIDConnectProviderList ?? []).flatMap((p) => (p.Arn ? [p.Arn] : []));
    return collected(arns, ['iam:ListOpenIDConnectProviders']);
  } catch (error) {
    return failed([toCollectionError('iam:ListOpenIDConnectProviders', error)]);
  }
}

/**
 * iam:ListRoles (every page) of the account, trust policies decoded: IAM sends
 * `AssumeRolePolicyDocument` URL-encoded and the SDK does not decode it.
 */
export async function collectRoles(iam: IAMClient): Promise<Part<Wire<Role>[]>> {
  try {
    const roles = await allPages(paginateListRoles({ client: iam }, {}), (p) => p.Roles);
    return collected(
      toWire(
        roles.map((r) =>
          r.AssumeRolePolicyDocument === undefined
            ? r
            : { ...r, AssumeRolePolicyDocument: decodeURIComponent(r.AssumeRolePolicyDocument) },
        ),
      ),
      ['iam:ListRoles'],
    );
  } catch (error) {
    return failed([toCollectionError('iam:ListRoles', error)]);
  }
}

/** The cluster's OIDC provider as a trust policy names it: `oidc.eks.<region>.amazonaws.com/id/<id>`. */
function oidcProviderPath(cluster: EksCluster): string | undefined {
  const issuer = cluster.identity?.oidc?.issuer;
  return issuer === undefined ? undefined : issuer.replace(/^https:\/\//, '');
}

/**
 * The roles of the account whose trust policy names the cluster's OIDC provider as `Federated`
 * principal (IRSA roles), from the account's role list shared by every cluster.
 */
export function irsaRolesOf(roles: Part<Wire<Role>[]>, cluster: EksCluster): Part<Wire<Role>[]> {
  if (roles.state !== 'collected') return roles;
  const provider = oidcProviderPath(cluster);
  if (provider === undefined) return collected([], roles.operations);
  const suffix = `:oidc-provider/${provider}`;
  const trusts = (role: Wire<Role>): boolean => {
    try {
      const doc = JSON.parse(role.AssumeRolePolicyDocument ?? '{}') as {
        Statement?:
          | { Principal?: { Federated?: string | string[] } }[]
          | { Principal?: { Federated?: string | string[] } };
      };
      const statements = Array.isArray(doc.Statement)
        ? doc.Statement
        : doc.Statement
          ? [doc.Statement]
          : [];
      return statements.some((s) => {
        const f = s.Principal?.Federated;
        return (Array.isArray(f) ? f : f === undefined ? [] : [f]).some((arn) =>
          arn.endsWith(suffix),
        );
      });
    } catch {
      // A trust policy that does not parse is kept: the check reports what it cannot read.
      return true;
    }
  };
  return collected(roles.value.filter(trusts), roles.operations);
}
