import { type AuthClient, GoogleAuth } from 'google-auth-library';
import type { CallLimiter } from '../../core/call-limiter';
import type { ScopeListing } from '../../core/collector';
import type { GkeCluster } from '../../core/snapshot-gke';
import { gkeClusterKey } from './gke-ref';
import { googleRest } from './rest';

export interface GcpDiscoveryOptions {
  /** One base URL for every Google API (a local stand-in); default: the real hosts. */
  endpoint?: string;
  /** Default: Application Default Credentials (read-only scope). */
  authClient?: AuthClient;
  maxAttempts?: number;
  /** Calls in flight (the process's GCP limiter); default: unlimited. */
  calls?: CallLimiter;
}

/** What `discover` asks of Google Cloud (pipeline/discover.ts `GcpDiscoveryHooks`). */
export interface GcpDiscovery {
  /**
   * The ids of every ACTIVE project below the parents (`organizations/N`, `folders/N`), at any
   * depth: Resource Manager v3 projects.list and folders.list under each parent, every page.
   */
  listProjects(parents: readonly string[]): Promise<string[]>;
  /**
   * The GKE clusters of a project (`locations/-`, one call), keyed `location/name`; the objects
   * go to the audit instead of a second list. Zones the list could not reach make it incomplete.
   */
  listClusters(project: string): Promise<ScopeListing>;
}

interface V3Project {
  projectId?: string;
  state?: string;
}
interface V3Folder {
  name?: string;
  state?: string;
}

const READ_ONLY_SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';

/** GCP target discovery over Resource Manager v3 REST. */
export function createGcpDiscovery(opts: GcpDiscoveryOptions = {}): GcpDiscovery {
  let adc: Promise<AuthClient> | undefined;
  const auth = (): Promise<AuthClient> => {
    if (opts.authClient) return Promise.resolve(opts.authClient);
    adc ??= new GoogleAuth({ scopes: [READ_ONLY_SCOPE] }).getClient();
    return adc;
  };
  const rest = googleRest(auth, opts.endpoint, opts.maxAttempts, opts.calls);

  /** Every item of a v3 list under `parent`, following `nextPageToken`. */
  const list = async <T>(kind: 'projects' | 'folders', parent: string): Promise<T[]> => {
    const items: T[] = [];
    let token: string | undefined;
    do {
      const q = new URLSearchParams({ parent, ...(token ? { pageToken: token } : {}) });
      const page = await rest.get<Record<string, unknown> & { nextPageToken?: string }>(
        'cloudresourcemanager',
        `/v3/${kind}?${q}`,
      );
      items.push(...((page[kind] as T[] | undefined) ?? []));
      token = page.nextPageToken;
    } while (token);
    return items;
  };

  return {
    async listProjects(parents) {
      const projects = new Set<string>();
      const visited = new Set<string>();
      const queue = [...parents];
      for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
        if (visited.has(parent)) continue;
        visited.add(parent);
        const [inside, folders] = await Promise.all([
          list<V3Project>('projects', parent),
          list<V3Folder>('folders', parent),
        ]);
        // A project or folder pending deletion is not audited (state DELETE_REQUESTED).
        for (const p of inside) if (p.projectId && p.state === 'ACTIVE') projects.add(p.projectId);
        for (const f of folders) if (f.name && f.state === 'ACTIVE') queue.push(f.name);
      }
      return [...projects];
    },

    async listClusters(project) {
      const res = await rest.get<{ clusters?: GkeCluster[]; missingZones?: string[] }>(
        'container',
        `/v1/projects/${project}/locations/-/clusters`,
      );
      const clusters = res.clusters ?? [];
      const missing = res.missingZones ?? [];
      return {
        keys: clusters.map(gkeClusterKey),
        objects: clusters,
        ...(missing.length > 0 ? { incomplete: `unreachable zones: ${missing.join(', ')}` } : {}),
      };
    },
  };
}
