/**
 * The Compute Engine default service account, in either spelling the API uses: `default` (also
 * what an empty `serviceAccount` means) or `<projectNumber>-compute@developer.gserviceaccount.com`.
 */
const DEFAULT_COMPUTE_SA = /^\d+-compute@developer\.gserviceaccount\.com$/;

/** The effective node service account: proto3 omits an empty string, which means `default`. */
export function effectiveServiceAccount(value: string | undefined): string {
  return value === undefined || value === '' ? 'default' : value;
}

export function isDefaultComputeSa(serviceAccount: string): boolean {
  return serviceAccount === 'default' || DEFAULT_COMPUTE_SA.test(serviceAccount);
}

/** The email of a node service account, resolving `default` with the project number. */
export function serviceAccountEmail(
  serviceAccount: string,
  projectNumber: string | undefined,
): string | undefined {
  if (serviceAccount !== 'default') return serviceAccount;
  return projectNumber ? `${projectNumber}-compute@developer.gserviceaccount.com` : undefined;
}
