import type { GcpIamPolicy } from '../../../core/snapshot-gke';

/** Principals that mean "anyone". */
export const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/** `role → members` of a policy (conditional bindings included: they still grant the role). */
export function membersByRole(policy: GcpIamPolicy): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of policy.bindings ?? []) {
    if (!b.role) continue;
    out.set(b.role, [...(out.get(b.role) ?? []), ...(b.members ?? [])]);
  }
  return out;
}

/** The roles a principal (`serviceAccount:x@y`) holds in the policy. */
export function rolesOf(policy: GcpIamPolicy, member: string): string[] {
  return (policy.bindings ?? [])
    .filter((b) => b.role && (b.members ?? []).includes(member))
    .map((b) => b.role ?? '');
}

/** The email domain a principal belongs to (`user:a@x.com` → `x.com`, `domain:x.com` → `x.com`). */
export function memberDomain(member: string): string | undefined {
  const [kind, id = ''] = member.split(':');
  if (kind === 'domain') return id;
  if (kind === 'user' || kind === 'group') return id.split('@')[1];
  return undefined;
}

/** Roles far beyond what a node needs (logging/monitoring writer, artifact reader). */
export function isBroadRole(role: string): boolean {
  return role === 'roles/owner' || role === 'roles/editor' || /admin$/i.test(role);
}
