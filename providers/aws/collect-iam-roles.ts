import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
} from '@aws-sdk/client-iam';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import type {
  EksCluster,
  EksCustomerPolicy,
  EksFargateProfile,
  EksIamRole,
  EksNodegroup,
} from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';
import { EKS_PART_OPERATIONS } from './eks-parts';
import { allPages } from './list-then-describe';
import type { PartCache } from './target-cache';

/** IAM sends every policy document URL-encoded (RFC 3986) and the SDK does not decode it. */
const decode = (doc: string | undefined): string | undefined =>
  doc === undefined ? undefined : decodeURIComponent(doc);

/** AWS managed policies (`arn:<partition>:iam::aws:policy/...`) are known by name, not fetched. */
const isAwsManaged = (arn: string): boolean => /^arn:[^:]+:iam::aws:policy\//.test(arn);

/** The role name of `arn:aws:iam::111122223333:role/some/path/name` (GetRole takes the name). */
export function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** Every role the cluster uses: its own, each node group's and each Fargate profile's. */
export function clusterRoleArns(
  cluster: EksCluster,
  nodegroups: EksNodegroup[],
  fargateProfiles: EksFargateProfile[],
): string[] {
  const arns = [
    cluster.roleArn,
    ...nodegroups.map((n) => n.nodeRole),
    ...fargateProfiles.map((f) => f.podExecutionRoleArn),
  ];
  return [...new Set(arns.filter((a): a is string => Boolean(a)))];
}

/** iam:GetPolicy, then iam:GetPolicyVersion of its default version (document decoded). */
export async function collectCustomerPolicy(
  iam: IAMClient,
  policyArn: string,
): Promise<Part<EksCustomerPolicy>> {
  let operation = 'iam:GetPolicy';
  try {
    const { Policy: policy } = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
    const versionId = policy?.DefaultVersionId;
    if (policy === undefined || versionId === undefined) {
      return failed([
        {
          operation,
          resource: policyArn,
          code: 'EmptyResponse',
          message: 'the response has no policy with a DefaultVersionId',
        },
      ]);
    }
    operation = 'iam:GetPolicyVersion';
    const { PolicyVersion: version } = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }),
    );
    const document = decode(version?.Document);
    if (document === undefined) {
      return failed([
        { operation, resource: policyArn, code: 'EmptyResponse', message: 'no Document' },
      ]);
    }
    return collected({ policy: toWire(policy), document }, ['iam:GetPolicy', operation]);
  } catch (error) {
    return failed([toCollectionError(operation, error, policyArn)]);
  }
}

/**
 * One role: iam:GetRole (trust policy decoded), ListAttachedRolePolicies and ListRolePolicies
 * (every page), GetRolePolicy of each inline policy (decoded), and the documents of attached
 * customer managed policies through `policies` (shared, each policy read once). A failure of
 * the role's own calls fails the role; a policy document that cannot be read leaves the role
 * collected with that error.
 */
export async function collectRole(
  iam: IAMClient,
  arn: string,
  policies: PartCache,
): Promise<Part<EksIamRole>> {
  const RoleName = roleNameOf(arn);
  let operation = 'iam:GetRole';
  try {
    const { Role: role } = await iam.send(new GetRoleCommand({ RoleName }));
    if (role === undefined) {
      return failed([
        { operation, resource: arn, code: 'EmptyResponse', message: 'the response has no role' },
      ]);
    }
    operation = 'iam:ListAttachedRolePolicies';
    const attached = await allPages(
      paginateListAttachedRolePolicies({ client: iam }, { RoleName }),
      (p) => p.AttachedPolicies,
    );
    operation = 'iam:ListRolePolicies';
    const names = await allPages(
      paginateListRolePolicies({ client: iam }, { RoleName }),
      (p) => p.PolicyNames,
    );
    operation = 'iam:GetRolePolicy';
    const inlinePolicies = await Promise.all(
      names.map(async (PolicyName) => {
        const out = await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }));
        return { name: PolicyName, document: decode(out.PolicyDocument) ?? '' };
      }),
    );
    const customer = await Promise.all(
      attached
        .flatMap((p) => (p.PolicyArn && !isAwsManaged(p.PolicyArn) ? [p.PolicyArn] : []))
        .map((policyArn) =>
          policies.once(`policy:${policyArn}`, () => collectCustomerPolicy(iam, policyArn)),
        ),
    );
    const errors: CollectionError[] = customer.flatMap((p) =>
      p.state === 'failed' ? p.errors : [],
    );
    const value: EksIamRole = {
      role: toWire({
        ...role,
        AssumeRolePolicyDocument: decode(role.AssumeRolePolicyDocument),
      }),
      attachedPolicies: toWire(attached),
      inlinePolicies,
      customerPolicies: customer.flatMap((p) => (p.state === 'collected' ? [p.value] : [])),
    };
    return collected(value, [...EKS_PART_OPERATIONS.iamRoles], errors);
  } catch (error) {
    return failed([toCollectionError(operation, error, arn)]);
  }
}

/**
 * The `iamRoles` part of one cluster from the roles shared by the account (`roles`, each role
 * read once however many clusters and regions use it). Roles that could not be read are left
 * out and their errors kept; the part fails only when none could be read.
 */
export async function collectClusterRoles(
  iam: IAMClient,
  roles: PartCache,
  arns: string[],
): Promise<Part<EksIamRole[]>> {
  const parts = await Promise.all(
    arns.map((arn) => roles.once(`role:${arn}`, () => collectRole(iam, arn, roles))),
  );
  const value: EksIamRole[] = [];
  const errors: CollectionError[] = [];
  for (const part of parts) {
    if (part.state === 'collected') value.push(part.value);
    errors.push(...(part.state === 'not_collected' ? [] : (part.errors ?? [])));
  }
  // Two roles with the same unreadable customer policy report its error once.
  const unique = [...new Map(errors.map((e) => [JSON.stringify(e), e])).values()];
  if (arns.length > 0 && value.length === 0) return failed(unique);
  return collected(value, [...EKS_PART_OPERATIONS.iamRoles], unique);
}
