import type { Evidence, Outcome } from '../../../core/check';
import { ev, readPart, unknown } from '../../../core/outcome';
import type { EksIamRole, EksSnapshot } from '../../../core/snapshot-eks';
import { asList, policyStatements } from './policy-document';

export const ROLES = 'parts.iamRoles.value';

/** The collected role with this ARN and its path, or an `unknown` outcome naming what is missing. */
export function findRole(
  snapshot: EksSnapshot,
  arn: string,
): { ok: true; role: EksIamRole; path: string } | { ok: false; outcome: Outcome } {
  const read = readPart(
    snapshot.parts.iamRoles,
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

/** Actions that make a statement admin-like when allowed on every resource. */
const ADMIN_ACTIONS = new Set(['*', '*:*', 'iam:*']);

/** Whether a policy document allows `*`, `*:*` or `iam:*` on `*`; or why it cannot be read. */
function allowsAdmin(document: string): boolean | { error: string } {
  const statements = policyStatements(document);
  if ('error' in statements) return statements;
  return statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      asList(s.Action).some((a) => ADMIN_ACTIONS.has(a)) &&
      asList(s.Resource).includes('*'),
  );
}

/**
 * The role's inline and customer managed policies that allow `*`, `*:*` or `iam:*` on every
 * resource, from the documents the collector read (GetRolePolicy, GetPolicyVersion). A customer
 * managed policy whose document is missing is listed in `unreadable`, naming the failed call
 * when the part recorded one.
 */
export function adminPolicies(
  snapshot: EksSnapshot,
  role: EksIamRole,
  path: string,
): { names: string[]; evidence: Evidence[]; unreadable: string[] } {
  const names: string[] = [];
  const evidence: Evidence[] = [];
  const unreadable: string[] = [];
  role.inlinePolicies.forEach((policy, i) => {
    const admin = allowsAdmin(policy.document);
    if (typeof admin === 'object') unreadable.push(`inline policy ${policy.name}: ${admin.error}`);
    else if (admin) {
      names.push(`inline ${policy.name} (admin-like Action on Resource *)`);
      evidence.push(ev(`${path}.inlinePolicies[${i}].document`, policy.document));
    }
  });
  const part = snapshot.parts.iamRoles;
  const errors = part.state === 'collected' ? (part.errors ?? []) : [];
  const customer = role.customerPolicies ?? [];
  for (const attached of role.attachedPolicies) {
    const arn = attached.PolicyArn;
    if (!arn || awsManagedName(arn)) continue;
    const index = customer.findIndex((c) => c.policy.Arn === arn);
    const found = customer[index];
    if (!found) {
      const error = errors.find((e) => e.resource === arn);
      unreadable.push(
        error
          ? `customer managed policy ${arn} could not be read: ${error.operation} failed with ${error.code}: ${error.message}`
          : `customer managed policy ${arn} (its document is not collected)`,
      );
      continue;
    }
    const admin = allowsAdmin(found.document);
    if (typeof admin === 'object')
      unreadable.push(`customer managed policy ${arn}: ${admin.error}`);
    else if (admin) {
      names.push(
        `${found.policy.PolicyName ?? arn} (customer managed, admin-like Action on Resource *)`,
      );
      evidence.push(ev(`${path}.customerPolicies[${index}].document`, found.document));
    }
  }
  return { names, evidence, unreadable };
}
