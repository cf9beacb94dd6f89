import type { Reply, SandboxRequest } from './http';
import type { SandboxState } from './state';

/** The wire protocols the sandbox speaks; each has its own error shape (errors.ts). */
export type Protocol = 'aws-rest-json' | 'aws-json' | 'aws-query' | 'aws-ec2' | 'gcp' | 'arm';

export interface RouteContext {
  req: SandboxRequest;
  /** Path parameters of the route's template (decoded). */
  params: Record<string, string>;
  /** The account (`111122223333/eu-west-1` for regional AWS calls), project or subscription. */
  target: string;
  state: SandboxState;
  requestId: string;
}

/**
 * One API operation the sandbox serves. Build routes with the helpers of each cloud
 * (`aws/protocol.ts`, `gcp/rest.ts`, `azure/arm.ts`) and list them in that cloud's `index.ts`.
 */
export interface Route {
  /** `service:Operation`, the name counters and faults use (`eks:DescribeCluster`). */
  operation: string;
  protocol: Protocol;
  /** Path parameters when the request is this operation, otherwise `undefined`. */
  match(req: SandboxRequest): Record<string, string> | undefined;
  /** The target the call is about, for counters and faults. */
  target(req: SandboxRequest, params: Record<string, string>, state: SandboxState): string;
  /** The path parameter naming the cluster the call is about (for the `disappear` fault). */
  clusterParam?: string;
  /** The error this operation answers when its cluster does not exist. */
  notFound?(params: Record<string, string>): { status: number; code: string; message: string };
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

/**
 * `/clusters/{name}/node-groups/{nodegroupName}` → a matcher of a path; `{name}` matches one
 * segment up to a `:` (so `/v1/projects/{project}:getIamPolicy` works). ARM paths are
 * case-insensitive, so `caseInsensitive` is for them.
 */
export function pathMatcher(
  template: string,
  caseInsensitive = false,
): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((part) => {
      const m = /^\{([A-Za-z0-9_]+)\}$/.exec(part);
      if (m) {
        names.push(m[1] as string);
        return '([^/:]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const re = new RegExp(`^${source}/?$`, caseInsensitive ? 'i' : '');
  return (path) => {
    const m = re.exec(path);
    if (!m) return undefined;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] as string);
    });
    return params;
  };
}
