import type { AuthClient } from 'google-auth-library';
import type { CallLimiter } from '../../core/call-limiter';
import { backoffMs, GCP_MAX_ATTEMPTS } from './retry';

/** A non-2xx answer of a Google REST API, with the `error` body's status name. */
export class GoogleRestError extends Error {
  override readonly name = 'GoogleRestError';
  constructor(
    readonly httpStatus: number,
    /** `PERMISSION_DENIED`, `NOT_FOUND`... (the body's `error.status`), else the HTTP status. */
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls Google REST APIs with an OAuth2 access token (google-auth-library + fetch). */
export interface GoogleRest {
  get<T>(service: string, path: string): Promise<T>;
  post<T>(service: string, path: string, body: unknown): Promise<T>;
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/**
 * `service` is the API host's first label (`compute` → https://compute.googleapis.com); with
 * `baseUrl` set, every service is reached at that one URL (a local stand-in of the APIs). Each
 * attempt takes a slot of `calls`, if given (released during a retry's back-off).
 */
export function googleRest(
  auth: () => Promise<AuthClient>,
  baseUrl?: string,
  maxAttempts = GCP_MAX_ATTEMPTS,
  calls?: CallLimiter,
): GoogleRest {
  const call = async <T>(
    method: string,
    service: string,
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const url = `${baseUrl ? baseUrl.replace(/\/$/, '') : `https://${service}.googleapis.com`}${path}`;
    const client = await auth();
    const headers = new Headers(await client.getRequestHeaders(url));
    if (body !== undefined) headers.set('content-type', 'application/json');
    for (let attempt = 1; ; attempt++) {
      const send = async () => {
        const r = await fetch(url, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { res: r, text: await r.text() };
      };
      const { res, text } = calls ? await calls.run(send) : await send();
      if (res.ok) return (text ? JSON.parse(text) : {}) as T;
      if (RETRYABLE.has(res.status) && attempt < maxAttempts) {
        await new Promise((r) => setTimeout(r, backoffMs(attempt)));
        continue;
      }
      let status = String(res.status);
      let message = `HTTP ${res.status} from ${method} ${path}`;
      try {
        const err = (JSON.parse(text) as { error?: { status?: string; message?: string } }).error;
        if (err?.status) status = err.status;
        if (err?.message) message = err.message;
      } catch {
        // Not JSON: keep the HTTP status.
      }
      throw new GoogleRestError(res.status, status, message);
    }
  };
  return {
    get: (service, path) => call('GET', service, path),
    post: (service, path, body) => call('POST', service, path, body),
  };
}
