import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';

/** An ARM call that did not return 2xx, with ARM's error code (`AuthorizationFailed`...). */
export class ArmError extends Error {
  override readonly name = 'ArmError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ArmRestOptions {
  baseUrl: string;
  credential: TokenCredential;
  policies: { position: 'perRetry' | 'perCall'; policy: PipelinePolicy }[];
  maxRetries?: number;
}

export const ARM_SCOPE = 'https://management.azure.com/.default';

/** At most this many `nextLink` pages per list: a guard against a server that loops. */
const MAX_PAGES = 1000;

/**
 * Plain ARM REST over an Azure core pipeline (retries, throttling, the same bearer-token policy
 * and credential as the SDK clients), for the resource providers the project has no SDK for.
 */
export class ArmRest {
  private readonly pipeline: Pipeline;
  private readonly http: HttpClient = createDefaultHttpClient();

  constructor(private readonly opts: ArmRestOptions) {
    this.pipeline = createPipelineFromOptions({
      retryOptions: { maxRetries: opts.maxRetries ?? 3 },
      userAgentOptions: { userAgentPrefix: 'mk8s-audit' },
    });
    // As the SDK clients do: the token is for ARM itself, whatever base URL the calls go to.
    this.pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({ credential: opts.credential, scopes: ARM_SCOPE }),
    );
    // `perRetry` policies run after the bearer policy, as in the SDK clients' pipelines.
    for (const { position, policy } of opts.policies) {
      this.pipeline.addPolicy(policy, position === 'perRetry' ? { afterPhase: 'Retry' } : {});
    }
  }

  /** GET one object: `path` is an ARM path (`/subscriptions/...`) or a full URL. */
  async get<T>(path: string, apiVersion: string, query: Record<string, string> = {}): Promise<T> {
    const url = this.url(path, apiVersion, query);
    return (await this.send(url)) as T;
  }

  /** GET a list, following `nextLink` to the end. */
  async list<T>(
    path: string,
    apiVersion: string,
    query: Record<string, string> = {},
  ): Promise<T[]> {
    const items: T[] = [];
    let url: string | undefined = this.url(path, apiVersion, query);
    for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
      const body = (await this.send(url)) as { value?: T[]; nextLink?: string | null };
      items.push(...(body.value ?? []));
      url = body.nextLink ?? undefined;
    }
    return items;
  }

  private url(path: string, apiVersion: string, query: Record<string, string>): string {
    const url = new URL(path.startsWith('https://') ? path : `${this.opts.baseUrl}${path}`);
    url.searchParams.set('api-version', apiVersion);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url.toString();
  }

  private async send(url: string): Promise<unknown> {
    const request = createPipelineRequest({
      url,
      method: 'GET',
      headers: createHttpHeaders({ accept: 'application/json' }),
    });
    const response = await this.pipeline.sendRequest(this.http, request);
    let body: unknown;
    try {
      body = response.bodyAsText ? JSON.parse(response.bodyAsText) : {};
    } catch {
      body = undefined;
    }
    if (response.status < 200 || response.status >= 300) {
      const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new ArmError(
        response.status,
        err?.code ?? String(response.status),
        err?.message ?? `HTTP ${response.status}`,
      );
    }
    if (body === undefined)
      throw new ArmError(
        response.status,
        'InvalidJson',
        `the response of ${new URL(url).pathname} is not JSON`,
      );
    return body;
  }
}
