import type { AzureRoleAssignment, AzureRoleDefinition } from '../../../core/snapshot-aks';

/** ARM permission patterns: `*` matches any run of characters; comparison is case-insensitive. */
function patternMatches(pattern: string, action: string): boolean {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 'i').test(action);
}

/** Whether a role definition allows `action` (a control-plane action, or a data action when `data`). */
export function roleGrants(definition: AzureRoleDefinition, action: string, data = false): boolean {
  return (definition.properties?.permissions ?? []).some((p) => {
    const allow = (data ? p.dataActions : p.actions) ?? [];
    const deny = (data ? p.notDataActions : p.notActions) ?? [];
    return (
      allow.some((a) => patternMatches(a, action)) && !deny.some((a) => patternMatches(a, action))
    );
  });
}

/** The role definition GUID of an id at any scope (`.../roleDefinitions/<guid>`), lower-cased. */
export function roleGuid(id: string | undefined): string {
  return (id ?? '').split('/').pop()?.toLowerCase() ?? '';
}

/** Assignments joined with their definitions; `definition` is undefined when it was not read. */
export function resolveAssignments(
  assignments: readonly AzureRoleAssignment[],
  definitions: readonly AzureRoleDefinition[],
): {
  assignment: AzureRoleAssignment;
  index: number;
  definition: AzureRoleDefinition | undefined;
}[] {
  const byGuid = new Map(definitions.map((d) => [roleGuid(d.id ?? d.name), d]));
  return assignments.map((assignment, index) => ({
    assignment,
    index,
    definition: byGuid.get(roleGuid(assignment.properties?.roleDefinitionId)),
  }));
}

/** `Owner at /subscriptions/...` for messages. */
export function describeAssignment(
  assignment: AzureRoleAssignment,
  definition: AzureRoleDefinition | undefined,
): string {
  const p = assignment.properties ?? {};
  const role = definition?.properties?.roleName ?? roleGuid(p.roleDefinitionId);
  return `${p.principalType ?? 'principal'} ${p.principalId ?? '?'} (${role} at ${p.scope ?? '?'})`;
}
