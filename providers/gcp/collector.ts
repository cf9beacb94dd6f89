import { type AuthClient, GoogleAuth } from 'google-auth-library';
import { CallLimiter, DEFAULT_CALLS_IN_FLIGHT } from '../../core/call-limiter';
import type {
  Collector,
  CollectProgress,
  ListedClusters,
  TargetCollection,
} from '../../core/collector';
import type { ComputeDiskAggregatedList, ComputeFirewallList } from '../../core/gcp-api/compute-v1';
import { mapLimit } from '../../core/map-limit';
import { RunCache } from '../../core/run-cache';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import type {
  ComputeDisk,
  ComputeFirewall,
  GcpIamPolicy,
  GcpProject,
  GkeCluster,
  GkeParts,
  GkeServerConfig,
  GkeSnapshot,
  GkeUpgradeInfo,
  ServiceUsageService,
} from '../../core/snapshot-gke';
import type { GcpTarget, Target } from '../../core/target';
import { toCollectionError } from './collection-error';
import type { GcpCollectorOptions } from './collector-options';
import { gkeClusterKey, gkeRef } from './gke-ref';
import { googleRest } from './rest';

const SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];
/** The image-scanning APIs `gke-image-scanning-api` reads (CIS GKE 5.1.1). */
export const SCANNING_SERVICES = ['containerscanning.googleapis.com'];
const LIST = 'container:projects.locations.clusters.list';

/** Compute filter for disks made for PersistentVolumes (regular expression on the description). */
export const PV_DISK_FILTER = 'description eq ".*kubernetes.io/created-for/pv/name.*"';

/**
 * Whether a PV disk belongs to the cluster. The Compute API has no cluster field: a disk is the
 * cluster's when GKE labelled it with the cluster's name (and location, when labelled), or when
 * it is attached to one of the cluster's nodes (instances named `gke-<cluster>-...`). An
 * unattached disk without those labels cannot be attributed.
 */
export function diskOfCluster(d: ComputeDisk, name: string, location: string): boolean {
  const label = d.labels?.['goog-k8s-cluster-name'];
  if (label !== undefined)
    return label === name && (d.labels?.['goog-k8s-cluster-location'] ?? location) === location;
  return (d.users ?? []).some((u) => (u.split('/').pop() ?? '').startsWith(`gke-${name}-`));
}

/** Fetches a keyed part once and hands every asker the same promise. */
type Once = <T>(key: string, fetch: () => Promise<Part<T>>) => Promise<Part<T>>;

/** Runs a call into a part: its value, or the error naming the operation. */
async function part<T>(
  operation: string,
  call: () => Promise<T>,
  resource?: string,
): Promise<Part<T>> {
  try {
    return collected(await call(), [operation]);
  } catch (error) {
    return failed([toCollectionError(operation, error, resource)]);
  }
}

/** `projects/H/global/networks/N` (or a URL) → H; undefined for a bare name. */
const projectOf = (path: string | undefined) =>
  path ? /projects\/([^/]+)\//.exec(path)?.[1] : undefined;
const regionOf = (location: string) => location.replace(/-[a-z]$/, '');

/**
 * Collects every GKE cluster of a GCP project: `clusters.list` over all locations (Kubernetes
 * Engine API REST), then per cluster the related objects the checks read. Project-level
 * objects (project number, IAM policy, firewall rules, services, disks) and location-level ones
 * (server config) are fetched once per run and shared. A failed call is recorded in the part
 * that needed it; a failed list is a target error; zones the list could not reach
 * (`missingZones`) are target errors too, since their clusters are missing.
 */
export function createGcpCollector(opts: GcpCollectorOptions = {}): Collector {
  const now = opts.now ?? (() => new Date());
  const calls = opts.calls ?? new CallLimiter(DEFAULT_CALLS_IN_FLIGHT.gcp);
  // As many clusters as call slots: a cluster waiting on one call leaves no slot idle.
  const concurrency = opts.concurrency ?? calls.limit;
  let adc: Promise<AuthClient> | undefined;
  const auth = (): Promise<AuthClient> => {
    if (opts.authClient) return Promise.resolve(opts.authClient);
    adc ??= new GoogleAuth({ scopes: SCOPES }).getClient();
    return adc;
  };
  const rest = googleRest(auth, opts.endpoint, opts.maxAttempts, calls);
  /**
   * The Kubernetes Engine API over plain REST: its JSON is the proto3 JSON the snapshots keep,
   * and the GKE client library (gRPC stubs, protobuf runtime: ~4 MB of the Lambda bundle) is
   * not needed for three GETs.
   */
  const container = <T>(path: string) => rest.get<T>('container', `/v1/${path}`);

  /**
   * Objects of a project, a location or a network shared by the run's targets that need them
   * (the parts of a split project, the service projects of one host project's network), asked
   * for again in the next run. Keys name the project (or the full subnetwork path); one
   * execution environment or process has one set of Google credentials, so what one target read
   * another may read too. A failed part is not kept for other targets.
   */
  const wide = (opts.sharedCache ?? new RunCache(undefined, now)).scope('gcp');
  const isCollected = (p: Part<unknown>) => p.state === 'collected';
  /**
   * Within one target a part is fetched once, failed or not (its clusters share the failure
   * rather than repeat the call); across targets through `wide`.
   */
  const targetOnce = (): Once => {
    const memo = new Map<string, Promise<Part<unknown>>>();
    return <T>(key: string, fetch: () => Promise<Part<T>>): Promise<Part<T>> => {
      let p = memo.get(key);
      if (!p) {
        p = wide.once(key, fetch, isCollected);
        memo.set(key, p);
      }
      // Stored under this key by this function only, always as a Promise<Part<T>>.
      return p as Promise<Part<T>>;
    };
  };

  /** The objects a project's clusters share, each through `once`. */
  const sharedParts = (once: Once) => {
    const project = (p: string) =>
      once(`project/${p}`, () =>
        part('cloudresourcemanager:projects.get', () =>
          rest.get<GcpProject>('cloudresourcemanager', `/v1/projects/${p}`),
        ),
      );
    const iamPolicy = (p: string) =>
      once(`iam/${p}`, () =>
        part('cloudresourcemanager:projects.getIamPolicy', () =>
          rest.post<GcpIamPolicy>('cloudresourcemanager', `/v1/projects/${p}:getIamPolicy`, {
            options: { requestedPolicyVersion: 3 },
          }),
        ),
      );
    const services = (p: string) =>
      once(`services/${p}`, async (): Promise<Part<ServiceUsageService[]>> => {
        const op = 'serviceusage:services.get';
        const got = await Promise.all(
          SCANNING_SERVICES.map((s) =>
            part(
              op,
              () =>
                rest.get<ServiceUsageService>('serviceusage', `/v1/projects/${p}/services/${s}`),
              s,
            ),
          ),
        );
        const errors = got.flatMap((g) => (g.state === 'failed' ? g.errors : []));
        const values = got.flatMap((g) => (g.state === 'collected' ? [g.value] : []));
        return values.length === 0 && errors.length > 0
          ? failed(errors)
          : collected(values, [op], errors);
      });
    const firewalls = (p: string) =>
      once(`firewalls/${p}`, () =>
        part(
          'compute:firewalls.list',
          async () => {
            const all: ComputeFirewall[] = [];
            let token: string | undefined;
            do {
              const q = token ? `?pageToken=${encodeURIComponent(token)}` : '';
              const page = await rest.get<ComputeFirewallList>(
                'compute',
                `/compute/v1/projects/${p}/global/firewalls${q}`,
              );
              all.push(...(page.items ?? []));
              token = page.nextPageToken;
            } while (token);
            return all;
          },
          p,
        ),
      );
    const disks = (p: string) =>
      once(`disks/${p}`, () =>
        part('compute:disks.aggregatedList', async () => {
          const all: ComputeDisk[] = [];
          let token: string | undefined;
          // Disks Kubernetes provisioned for a PersistentVolume (in-tree and PD CSI both write
          // this description); node boot disks and other VMs' disks are left out.
          const filter = encodeURIComponent(PV_DISK_FILTER);
          do {
            const q = `?filter=${filter}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
            const page = await rest.get<ComputeDiskAggregatedList>(
              'compute',
              `/compute/v1/projects/${p}/aggregated/disks${q}`,
            );
            for (const scope of Object.values(page.items ?? {})) all.push(...(scope.disks ?? []));
            token = page.nextPageToken;
          } while (token);
          return all;
        }),
      );
    // IAM: getServerConfig has no permission of its own; GKE checks container.clusters.list on the
    // project (README, "Least privilege", cites the sources).
    const serverConfig = (p: string, location: string) =>
      once(`serverConfig/${p}/${location}`, () =>
        part(
          'container:projects.locations.getServerConfig',
          async () => {
            return container<GkeServerConfig>(`projects/${p}/locations/${location}/serverConfig`);
          },
          location,
        ),
      );

    /** A subnetwork (`projects/P/regions/R/subnetworks/S`), shared by the clusters that use it. */
    const subnetwork = (path: string) =>
      once(`subnetwork/${path}`, () =>
        part('compute:subnetworks.get', () => rest.get('compute', `/compute/v1/${path}`), path),
      );

    return { project, iamPolicy, services, firewalls, disks, serverConfig, subnetwork };
  };
  type SharedParts = ReturnType<typeof sharedParts>;

  async function relatedParts(
    shared: SharedParts,
    p: string,
    cluster: GkeCluster,
  ): Promise<GkeParts> {
    const { project, iamPolicy, services, firewalls, disks, serverConfig, subnetwork } = shared;
    const name = cluster.name ?? '';
    const location = cluster.location ?? cluster.zone ?? '';
    const netProject = projectOf(cluster.networkConfig?.network) ?? p;
    const subPath =
      cluster.networkConfig?.subnetwork ??
      (cluster.subnetwork
        ? `projects/${p}/regions/${regionOf(location)}/subnetworks/${cluster.subnetwork}`
        : undefined);
    const [proj, iam, sc, upgrade, fw, sub, svc, dsk] = await Promise.all([
      project(p),
      iamPolicy(p),
      serverConfig(p, location),
      part('container:projects.locations.clusters.fetchClusterUpgradeInfo', async () => {
        return container<GkeUpgradeInfo>(
          `projects/${p}/locations/${location}/clusters/${name}:fetchClusterUpgradeInfo`,
        );
      }),
      firewalls(netProject),
      subPath
        ? subnetwork(subPath.replace(/^.*?(projects\/)/, '$1'))
        : Promise.resolve(
            failed<never>([
              {
                operation: 'compute:subnetworks.get',
                code: 'NO_SUBNETWORK',
                message: 'the Cluster names no subnetwork',
              },
            ]),
          ),
      services(p),
      disks(p),
    ]);
    // Disks of this cluster: GKE labels them with the cluster's name (and location, when set).
    const mine =
      dsk.state === 'collected'
        ? collected(
            dsk.value.filter((d) => diskOfCluster(d, name, location)),
            dsk.operations,
          )
        : dsk;
    return {
      project: proj,
      iamPolicy: iam,
      serverConfig: sc,
      upgradeInfo: upgrade,
      firewalls: fw,
      subnetwork: sub as GkeParts['subnetwork'],
      services: svc,
      disks: mine,
    };
  }

  /** Every cluster of the project (`locations/-`), or those of `wanted`; unreachable zones as errors. */
  async function listProject(
    p: string,
    wanted: ReadonlySet<string> | undefined,
  ): Promise<{ clusters: GkeCluster[]; errors: CollectionError[] } | { error: CollectionError }> {
    try {
      // `locations/-`: every zone and region of the project in one call (not paged).
      const res = await container<{ clusters?: GkeCluster[]; missingZones?: string[] }>(
        `projects/${p}/locations/-/clusters`,
      );
      const errors = (res.missingZones ?? []).map(
        (zone): CollectionError => ({
          operation: LIST,
          resource: zone,
          code: 'MISSING_ZONE',
          message: `clusters.list could not reach ${zone}: clusters there are missing from this run`,
        }),
      );
      // A target naming its clusters audits those only (the others belong to other parts).
      const clusters = (res.clusters ?? []).filter((c) => !wanted || wanted.has(gkeClusterKey(c)));
      return { clusters, errors };
    } catch (error) {
      return { error: toCollectionError(LIST, error, `projects/${p}`) };
    }
  }

  async function collectProject(
    target: GcpTarget,
    progress: CollectProgress | undefined,
    listed: ListedClusters | undefined,
  ): Promise<TargetCollection> {
    const p = target.project;
    const wanted = target.clusters === undefined ? undefined : new Set(target.clusters);
    const handed = wanted
      ? (listed?.clusters as GkeCluster[] | undefined)?.filter((c) => wanted.has(gkeClusterKey(c)))
      : undefined;
    // Discover listed these clusters whole for this target: no second list. Otherwise (no
    // handover, or it misses one) the project is listed here, keeping the target's clusters.
    const fromDiscover = handed !== undefined && handed.length === wanted?.size;
    const listing = fromDiscover ? { clusters: handed, errors: [] } : await listProject(p, wanted);
    if ('error' in listing) return { target, snapshots: [], errors: [listing.error] };
    const { clusters, errors } = listing;
    progress?.listed(clusters.length);
    const collectedAt = fromDiscover && listed ? listed.listedAt : now().toISOString();
    const shared = sharedParts(targetOnce());
    const snapshots = await mapLimit(
      clusters,
      concurrency,
      async (cluster): Promise<GkeSnapshot> => {
        try {
          return {
            provider: 'gke',
            ref: gkeRef(cluster, { project: p }),
            source: { kind: 'api', collectedAt },
            cluster,
            parts: await relatedParts(shared, p, cluster),
          };
        } finally {
          progress?.clusterDone();
        }
      },
    );
    return { target, snapshots, errors };
  }

  return {
    async collect(
      target: Target,
      progress?: CollectProgress,
      listed?: ListedClusters,
    ): Promise<TargetCollection> {
      if (target.cloud !== 'gcp') {
        return {
          target,
          snapshots: [],
          errors: [
            {
              operation: LIST,
              code: 'WrongTarget',
              message: `the GCP collector cannot collect a ${target.cloud} target`,
            },
          ],
        };
      }
      return collectProject(target, progress, listed);
    },
  };
}
