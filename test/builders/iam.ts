import type { EksCustomerPolicy, EksIamRole } from '../../core/snapshot-eks';
import { fixture } from '../fixture';

type Role = EksIamRole['role'];

/** The AWS CLI docs' GetRole example with `name` in the docs cluster account and this trust policy. */
export function roleExample(name: string, trustPolicy: object, urlEncoded = false): Role {
  const { Role: role } = fixture<{ Role: Role }>('aws/iam/get-role.json');
  const json = JSON.stringify(trustPolicy);
  return {
    ...role,
    RoleName: name,
    Arn: `arn:aws:iam::111122223333:role/${name}`,
    AssumeRolePolicyDocument: urlEncoded ? encodeURIComponent(json) : json,
  };
}

/** The trust policy the EKS user guide shows for IRSA, for `issuer` (host/path) and `conditions`. */
export function irsaTrustPolicy(
  issuer: string,
  condition?: Record<string, Record<string, unknown>>,
) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  };
}

/** A role with the docs' attached-policy list and inline policy shapes. */
export function iamRole(
  role: Role,
  attachedPolicyArns: string[],
  inlinePolicies: { name: string; document: object }[] = [],
): EksIamRole {
  return {
    role,
    attachedPolicies: attachedPolicyArns.map((arn) => ({
      PolicyArn: arn,
      PolicyName: arn.slice(arn.lastIndexOf('/') + 1),
    })),
    inlinePolicies: inlinePolicies.map((p) => ({
      name: p.name,
      document: JSON.stringify(p.document),
    })),
  };
}

/**
 * The AWS CLI docs' GetPolicy example as customer managed policy `name` of the docs cluster
 * account, with `document` as its default version (the GetPolicyVersion example's shape).
 */
export function customerPolicy(name: string, document: object): EksCustomerPolicy {
  const { Policy: policy } = fixture<{ Policy: EksCustomerPolicy['policy'] }>(
    'aws/iam/get-policy.json',
  );
  const { PolicyVersion: version } = fixture<{ PolicyVersion: { VersionId: string } }>(
    'aws/iam/get-policy-version.json',
  );
  return {
    policy: {
      ...policy,
      PolicyName: name,
      Arn: `arn:aws:iam::111122223333:policy/${name}`,
      DefaultVersionId: version.VersionId,
    },
    document: JSON.stringify(document),
  };
}

/** `iamRole` with customer managed policies attached and their documents collected. */
export function iamRoleWithCustomer(
  role: Role,
  attachedPolicyArns: string[],
  customer: EksCustomerPolicy[],
): EksIamRole {
  const base = iamRole(role, [...attachedPolicyArns, ...customer.map((c) => c.policy.Arn ?? '')]);
  return { ...base, customerPolicies: customer };
}
