import { type EC2Client, paginateDescribeLaunchTemplateVersions } from '@aws-sdk/client-ec2';
import { mapLimit } from '../../core/map-limit';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import type { EksLaunchTemplateVersion, EksNodegroup } from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';
import { allPages } from './list-then-describe';
import type { PartCache } from './target-cache';

const OPERATION = 'ec2:DescribeLaunchTemplateVersions';

/**
 * ec2:DescribeLaunchTemplateVersions of each node group's launch template {id or name,
 * version}; `$Latest`/`$Default` are resolved by the API. A template version used by several
 * node groups or clusters of the target is fetched once (`shared`).
 */
export async function collectLaunchTemplateVersions(
  ec2: EC2Client,
  shared: PartCache,
  nodegroups: readonly EksNodegroup[],
): Promise<Part<EksLaunchTemplateVersion[]>> {
  const specs = new Map<string, { id?: string; name?: string; version: string }>();
  for (const n of nodegroups) {
    const lt = n.launchTemplate;
    if (lt === undefined || (lt.id === undefined && lt.name === undefined)) continue;
    const version = lt.version ?? '$Default';
    const spec = {
      ...(lt.id === undefined ? {} : { id: lt.id }),
      ...(lt.name === undefined ? {} : { name: lt.name }),
      version,
    };
    specs.set(`${lt.id ?? lt.name}@${version}`, spec);
  }
  const errors: CollectionError[] = [];
  const found = await mapLimit([...specs.entries()], 4, async ([key, spec]) => {
    const part = await shared.once<EksLaunchTemplateVersion[]>(
      `launchTemplate:${key}`,
      async () => {
        try {
          const input = {
            ...(spec.id === undefined
              ? { LaunchTemplateName: spec.name }
              : { LaunchTemplateId: spec.id }),
            Versions: [spec.version],
          };
          const versions = await allPages(
            paginateDescribeLaunchTemplateVersions({ client: ec2 }, input),
            (p) => p.LaunchTemplateVersions,
          );
          return collected(toWire(versions), [OPERATION]);
        } catch (error) {
          return failed([toCollectionError(OPERATION, error, key)]);
        }
      },
    );
    if (part.state === 'collected') return part.value;
    if (part.state === 'failed') errors.push(...part.errors);
    return [];
  });
  const versions = found.flat();
  if (specs.size > 0 && errors.length === specs.size) return failed(errors);
  return collected(versions, [OPERATION], errors);
}
