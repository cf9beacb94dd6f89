import type { Estate, EstateInput } from './estate';

/**
 * A large estate for benchmarks and paging tests: copies of one template cluster per cloud
 * (taken from a base estate, e.g. the sample), renamed consistently (names, ARNs, ids, links).
 */
export interface SyntheticEstateOptions {
  aws?: { accounts: number; regions: string[]; clustersPerRegion: number };
  gcp?: { projects: number; clustersPerProject: number };
  azure?: { subscriptions: number; clustersPerSubscription: number; pageSize?: number };
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `replaceAll` of several strings inside a JSON object. */
function renamed<T>(value: T, pairs: [string, string][]): T {
  let text = JSON.stringify(value);
  for (const [from, to] of pairs) text = text.split(from).join(to);
  return JSON.parse(text) as T;
}

/**
 * The template's `related` objects, renamed for a copy (absent stays absent): the related calls
 * of every copy find what the template's find, as a real account's clusters find their subnets,
 * keys and policies.
 */
function relatedCopy<T>(related: T | undefined, pairs: [string, string][]): { related?: T } {
  return related === undefined ? {} : { related: renamed(copy(related), pairs) };
}

export function syntheticEstate(base: Estate, opts: SyntheticEstateOptions): EstateInput {
  const out: EstateInput = { seed: base.seed };
  if (opts.aws) {
    const [tAccount, account] = Object.entries(base.aws?.accounts ?? {})[0] ?? [];
    const [tRegion, region] = Object.entries(account?.regions ?? {})[0] ?? [];
    const template = region?.clusters[0];
    if (!tAccount || !tRegion || !template) throw new Error('the base estate has no EKS cluster');
    const accounts: NonNullable<EstateInput['aws']>['accounts'] = {};
    for (let a = 1; a <= opts.aws.accounts; a++) {
      const id = `${pad(a, 12)}`.replace(/^0/, '9');
      const regions: NonNullable<EstateInput['aws']>['accounts'][string]['regions'] = {};
      for (const r of opts.aws.regions) {
        regions[r] = {
          // The region's shared objects (VPC, subnets, log groups, keys...) of the template,
          // so the related calls of every copy find what the template's find.
          ...relatedCopy(region.related, [
            [`:${tAccount}:`, `:${id}:`],
            [tRegion, r],
          ]),
          clusters: Array.from({ length: opts.aws.clustersPerRegion }, (_, i) => {
            const name = `eks-${pad(i + 1, 4)}`;
            return renamed(copy(template), [
              [`:${tAccount}:`, `:${id}:`],
              [tRegion, r],
              [`cluster/${template.cluster.name}`, `cluster/${name}`],
              [`nodegroup/${template.cluster.name}/`, `nodegroup/${name}/`],
              [`"${template.cluster.name}"`, `"${name}"`],
            ]);
          }),
        };
      }
      const accountShared = renamed({ iam: account?.iam, related: account?.related }, [
        [`:${tAccount}:`, `:${id}:`],
      ]);
      accounts[id] = { name: `bench-${a}`, regions, ...accountShared };
    }
    const first = Object.keys(accounts)[0];
    out.aws = {
      clusterVersions: copy(base.aws?.clusterVersions ?? []),
      ...(first ? { callerAccount: first, organization: { managementAccount: first } } : {}),
      accounts,
    };
  }
  if (opts.gcp) {
    const [tProject, project] = Object.entries(base.gcp?.projects ?? {})[0] ?? [];
    const entry = project?.clusters[0];
    const template = entry?.cluster;
    if (!tProject || !project || !entry || !template) {
      throw new Error('the base estate has no GKE cluster');
    }
    const projects: NonNullable<EstateInput['gcp']>['projects'] = {};
    for (let p = 1; p <= opts.gcp.projects; p++) {
      const id = `bench-project-${pad(p, 3)}`;
      const inProject: [string, string][] = [[`projects/${tProject}/`, `projects/${id}/`]];
      projects[id] = {
        // The project's subnetworks, firewalls, IAM policy...: the template cluster's subnetwork
        // exists in every copy's project, as a GKE cluster's always does.
        ...relatedCopy(project.related, inProject),
        clusters: Array.from({ length: opts.gcp.clustersPerProject }, (_, i) => {
          const name = `gke-${pad(i + 1, 4)}`;
          const pairs: [string, string][] = [
            ...inProject,
            [`/clusters/${template.name}`, `/clusters/${name}`],
            [`"${template.name}"`, `"${name}"`],
          ];
          return { cluster: renamed(copy(template), pairs), ...relatedCopy(entry.related, pairs) };
        }),
      };
    }
    out.gcp = { projects };
  }
  if (opts.azure) {
    const [tSub, sub] = Object.entries(base.azure?.subscriptions ?? {})[0] ?? [];
    const entry = sub?.managedClusters[0];
    const template = entry?.cluster;
    if (!tSub || !sub || !entry || !template) throw new Error('the base estate has no AKS cluster');
    const group = /\/resourceGroups\/([^/]+)\//i.exec(template.id)?.[1] ?? 'rg';
    const subscriptions: NonNullable<EstateInput['azure']>['subscriptions'] = {};
    for (let s = 1; s <= opts.azure.subscriptions; s++) {
      const id = `00000000-0000-4000-8000-${pad(s, 12)}`;
      subscriptions[id] = {
        resourceGroups: [{ name: group, location: template.location }],
        ...relatedCopy(sub.related, [[tSub, id]]),
        managedClusters: Array.from({ length: opts.azure.clustersPerSubscription }, (_, i) => {
          const name = `aks-${pad(i + 1, 4)}`;
          const pairs: [string, string][] = [
            [tSub, id],
            [`/managedClusters/${template.name}`, `/managedClusters/${name}`],
            [`"${template.name}"`, `"${name}"`],
          ];
          return { cluster: renamed(copy(template), pairs), ...relatedCopy(entry.related, pairs) };
        }),
      };
    }
    out.azure = { pageSize: opts.azure.pageSize ?? 100, subscriptions };
  }
  return out;
}
