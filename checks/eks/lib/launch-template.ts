import type { EksLaunchTemplateVersion, EksNodegroup } from '../../../core/snapshot-eks';

/**
 * The launch template version a node group runs: the one with its template id and version
 * number, where `$Default`/`$Latest` mean the default and the highest version.
 */
export function launchTemplateVersionOf(
  nodegroup: EksNodegroup,
  versions: readonly EksLaunchTemplateVersion[],
): { version: EksLaunchTemplateVersion; index: number } | undefined {
  const spec = nodegroup.launchTemplate;
  if (!spec) return undefined;
  const candidates = versions
    .map((version, index) => ({ version, index }))
    .filter(
      ({ version }) =>
        (spec.id !== undefined && version.LaunchTemplateId === spec.id) ||
        (spec.name !== undefined && version.LaunchTemplateName === spec.name),
    );
  if (spec.version === '$Default' || spec.version === undefined) {
    return candidates.find(({ version }) => version.DefaultVersion === true);
  }
  if (spec.version === '$Latest') {
    return candidates.reduce<(typeof candidates)[number] | undefined>(
      (best, c) =>
        !best || (c.version.VersionNumber ?? 0) > (best.version.VersionNumber ?? 0) ? c : best,
      undefined,
    );
  }
  return candidates.find(({ version }) => String(version.VersionNumber) === spec.version);
}
