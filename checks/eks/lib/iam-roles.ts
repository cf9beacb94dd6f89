import type { Evidence, Outcome } from '../../../core/check';
import { ev, readPart, unknown } from '../../../core/outcome';
import type { EksIamRole, EksSnapshot } from '../../../core/snapshot-eks';
import { optionalPart } from './optional-part';
import { asList, policyStatements } from './policy-document';

export const ROLES = 'parts.iamRoles.value';

/** The collected role with this ARN and its path, or an `unknown` outcome naming what is missing. */
export function findRole(
  snapshot: EksSnapshot,
  arn: string,
): { ok: true; role: EksIamRole; path: string } | { ok: false; outcome: Outcome } {
  const read = readPart(
    optionalPart(
      snapshot.parts.iamRoles,
      'iam:GetRole/iam:ListAttachedRolePolicies/iam:ListRolePolicies/iam:GetRolePolicy',
    ),
    `IAM roles of cluster ${snapshot.ref.name}`,
    ROLES,
  );
  if (!read.ok) return read;
  const index = read.value.findIndex((r) => r.role.Arn === arn);
  const role = read.value[index];
  if (!role) {
    return {
      ok: false,
      outcome: unknown(
        `IAM role ${arn} was not collected${read.incomplete ? ` (${read.incomplete})` : ''}.`,
        [ev(ROLES, null)],
      ),
    };
  }
  return { ok: true, role, path: `${ROLES}[${index}]` };
}

/** `arn:aws:iam::aws:policy/AdministratorAccess` → `AdministratorAccess`, for AWS managed policies only. */
export function awsManagedName(arn: string | undefined): string | undefined {
  const match = arn ? /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn) : null;
  return match?.[1];
}

/** Inline policies that allow every action on every resource. */
export function fullAdminInline(
  role: EksIamRole,
  path: string,
): { names: string[]; evidence: Evidence[]; errors: string[] } {
  const names: string[] = [];
  const evidence: Evidence[] = [];
  const errors: string[] = [];
  role.inlinePolicies.forEach((policy, i) => {
    const statements = policyStatements(policy.document);
    if ('error' in statements) {
      errors.push(`inline policy ${policy.name}: ${statements.error}`);
      return;
    }
    const admin = statements.some(
      (s) =>
        s.Effect === 'Allow' &&
        asList(s.Action).some((a) => a === '*' || a === '*:*') &&
        asList(s.Resource).includes('*'),
    );
    if (admin) {
      names.push(policy.name);
      evidence.push(ev(`${path}.inlinePolicies[${i}].document`, policy.document));
    }
  });
  return { names, evidence, errors };
}
