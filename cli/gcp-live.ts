import { OAuth2Client } from 'google-auth-library';
import type { ClusterSnapshot } from '../core/snapshot';
import { type GcpTarget, Target } from '../core/target';
import { createGcpCollector } from '../providers/gcp/collector';
import { collectTargets } from './collect-targets';
import { UsageError } from './command';
import type { InputProblem } from './input-files';
import { type ScanProgress, SILENT_PROGRESS } from './progress';

export interface LiveGcpOptions {
  /** Project ids to audit (`--gcp-project`, repeatable). */
  projects: string[];
  /** One URL for every Google API call (a local stand-in of the APIs). */
  endpoint?: string;
  /**
   * An OAuth2 access token to use instead of Application Default Credentials (the
   * `GOOGLE_OAUTH_ACCESS_TOKEN` variable, as the Terraform Google provider reads it).
   */
  accessToken?: string;
}

/** The projects as targets; a malformed id is a usage error naming it. */
export function liveGcpTargets(opts: LiveGcpOptions): GcpTarget[] {
  return [...new Set(opts.projects)].map((project) => {
    const parsed = Target.safeParse({ cloud: 'gcp', project });
    if (
      !parsed.success ||
      parsed.data.cloud !== 'gcp' ||
      !/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)
    ) {
      throw new UsageError(`--gcp-project ${project}: not a GCP project id such as my-project-123`);
    }
    return parsed.data;
  });
}

/**
 * Collects every GKE cluster of the given projects (Application Default Credentials, or the
 * access token). A project whose list failed, or a zone the list could not reach, is a problem;
 * the rest is returned.
 */
export async function collectLiveGcp(
  opts: LiveGcpOptions,
  progress: ScanProgress = SILENT_PROGRESS,
): Promise<{ snapshots: ClusterSnapshot[]; targets: GcpTarget[]; problems: InputProblem[] }> {
  const targets = liveGcpTargets(opts);
  let authClient: OAuth2Client | undefined;
  if (opts.accessToken) {
    authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: opts.accessToken });
  }
  const collector = createGcpCollector({
    ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
    ...(authClient === undefined ? {} : { authClient }),
  });
  return { targets, ...(await collectTargets(targets, collector, progress)) };
}
