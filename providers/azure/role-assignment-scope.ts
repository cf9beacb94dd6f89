import type { AzureRoleAssignment } from '../../core/snapshot-aks';

/**
 * Whether an assignment listed at its subscription (RoleAssignments.List without a filter:
 * every assignment at, above or below the subscription) applies at `resourceId`, i.e. whether
 * `$filter=atScope()` at the resource ("at or above the scope") would list it. Above the
 * subscription are the management groups and the root `/`, which hold every resource of it; at
 * or below it, the scope must be the resource or one of its ancestors, segment by segment. ARM
 * ids compare case-insensitively.
 */
export function appliesAt(assignment: AzureRoleAssignment, resourceId: string): boolean {
  const scope = (assignment.properties?.scope ?? '').toLowerCase().replace(/\/+$/, '');
  const id = resourceId.toLowerCase();
  if (!scope.startsWith('/subscriptions/')) return true;
  return id === scope || id.startsWith(`${scope}/`);
}

/** Whether the assignment is the principal's (`$filter=principalId eq '…'`). */
export function assignedTo(assignment: AzureRoleAssignment, principalId: string): boolean {
  return (assignment.properties?.principalId ?? '').toLowerCase() === principalId.toLowerCase();
}
