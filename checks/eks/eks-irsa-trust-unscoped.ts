import type { EksCheck, Outcome } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart, unknown } from '../../core/outcome';
import { asList, type PolicyStatement, policyStatements } from './lib/policy-document';

const ROLES = 'parts.irsaRoles.value';

/** Values of condition keys ending in `:<suffix>` under any operator, with their operators. */
function conditionValues(
  condition: unknown,
  issuer: string,
  suffix: string,
): { operator: string; values: string[] }[] {
  if (typeof condition !== 'object' || condition === null) return [];
  const found: { operator: string; values: string[] }[] = [];
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null) continue;
    for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
      if (key.toLowerCase() === `${issuer}:${suffix}`.toLowerCase())
        found.push({ operator, values: asList(value) });
    }
  }
  return found;
}

/** A `sub` pattern that names one service account (no wildcard in the namespace or name). */
function scopedSub(operator: string, value: string): boolean {
  if (!value.startsWith('system:serviceaccount:')) return false;
  return operator.startsWith('StringEquals') || !/[*?]/.test(value);
}

/** Why a trust statement for the cluster's provider lets too many identities in, if it does. */
function statementProblem(statement: PolicyStatement, issuer: string): string | undefined {
  const subs = conditionValues(statement.Condition, issuer, 'sub');
  if (subs.length === 0)
    return `no ${issuer}:sub condition: any service account in the cluster can assume it`;
  const loose = subs.flatMap((s) =>
    s.values.filter((v) => !scopedSub(s.operator, v)).map((v) => `${s.operator} "${v}"`),
  );
  if (loose.length > 0)
    return `its ${issuer}:sub condition matches many service accounts (${loose.join(', ')})`;
  return undefined;
}

export const eksIrsaTrustUnscoped: EksCheck = {
  meta: {
    id: 'eks-irsa-trust-unscoped',
    provider: 'eks',
    title: 'IAM roles for service accounts trust one named service account each',
    severity: 'high',
    family: 'workload-identity-scope',
    categories: ['iam'],
    risk: 'A role trusting the cluster OIDC provider without a precise `:sub` condition can be assumed by any pod that mounts a projected token: one compromised workload gets every such role.',
    remediation: {
      summary:
        'Add a StringEquals condition on `<issuer>:sub` = `system:serviceaccount:<namespace>:<name>` (and `<issuer>:aud` = `sts.amazonaws.com`) to the role trust policy.',
      cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json',
      iac: 'CDK: new iam.Role(this, "R", { assumedBy: new iam.OpenIdConnectPrincipal(provider).withConditions({ StringEquals: { "<issuer>:sub": "system:serviceaccount:<ns>:<sa>", "<issuer>:aud": "sts.amazonaws.com" } }) }); Terraform: aws_iam_role assume_role_policy with condition { test = "StringEquals", variable = "<issuer>:sub", values = [...] }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.2.1'] },
    reads: ['eks:DescribeCluster', 'iam:ListRoles'],
  },
  evaluate({ cluster, ref, parts }) {
    const issuerUrl = cluster.identity?.oidc?.issuer;
    if (!issuerUrl) {
      return notApplicable(`Cluster ${ref.name} has no OIDC issuer, so no role can trust it.`, [
        ev('cluster.identity.oidc.issuer', issuerUrl),
      ]);
    }
    const issuer = issuerUrl.replace(/^https:\/\//, '');
    const read = readPart(parts.irsaRoles, `IAM roles of account ${ref.account}`, ROLES);
    if (!read.ok) return read.outcome;
    const outcomes: Outcome[] = [];
    read.value.forEach((role, i) => {
      const name = role.RoleName ?? `#${i}`;
      const subject = { type: 'iam-role', id: role.Arn ?? name, name };
      const path = `${ROLES}[${i}].AssumeRolePolicyDocument`;
      const document = role.AssumeRolePolicyDocument;
      const evidence = [ev(path, document)];
      const statements =
        document === undefined
          ? { error: 'the trust policy is missing' }
          : policyStatements(document);
      if ('error' in statements) {
        outcomes.push(unknown(`Role ${name}: ${statements.error}.`, evidence, subject));
        return;
      }
      const trusting = statements.filter(
        (s) =>
          s.Effect === 'Allow' &&
          typeof s.Principal === 'object' &&
          s.Principal !== null &&
          asList((s.Principal as Record<string, unknown>)['Federated']).some((f) =>
            f.endsWith(`oidc-provider/${issuer}`),
          ),
      );
      if (trusting.length === 0) return;
      const problems = trusting
        .map((s) => statementProblem(s, issuer))
        .filter((p): p is string => p !== undefined);
      outcomes.push(
        problems.length > 0
          ? fail(
              `Role ${name} trusts cluster ${ref.name}'s OIDC provider with ${problems.join('; ')}.`,
              evidence,
              subject,
            )
          : pass(
              `Role ${name} trusts only named service accounts of cluster ${ref.name}.`,
              evidence,
              subject,
            ),
      );
    });
    if (outcomes.length === 0) {
      return notApplicable(`No IAM role trusts cluster ${ref.name}'s OIDC provider.`, [
        ev(
          `${ROLES}[].RoleName`,
          read.value.map((r) => r.RoleName),
        ),
      ]);
    }
    return outcomes;
  },
};
