/**
 * Retries of Google API calls. The GKE client's REST transport retries only DEADLINE_EXCEEDED and
 * UNAVAILABLE (its generated config), and an HTTP 429 reaches us as an HTTP error, not as
 * RESOURCE_EXHAUSTED, so quota throttling would fail a call outright. Google's guidance for
 * 429 and 5xx is truncated exponential backoff with jitter (Cloud APIs "Retry strategy").
 */

/** Attempts per call by default: a call throttled at a sustained 30% fails with odds 0.3^6. */
export const GCP_MAX_ATTEMPTS = 6;

const RETRYABLE_HTTP = new Set([408, 429, 500, 502, 503, 504]);
/** gRPC codes: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNAVAILABLE. */
const RETRYABLE_GRPC = new Set([4, 8, 13, 14]);
const RETRYABLE_STATUS = new Set([
  'DEADLINE_EXCEEDED',
  'RESOURCE_EXHAUSTED',
  'INTERNAL',
  'UNAVAILABLE',
]);

/** Whether an error of a Google client is worth another attempt (throttling, 5xx, timeouts). */
export function isRetryableGoogleError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  for (const status of [e.status, e.response?.status]) {
    if (typeof status === 'number' && RETRYABLE_HTTP.has(status)) return true;
    if (typeof status === 'string' && RETRYABLE_STATUS.has(status)) return true;
  }
  const code = typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : e.code;
  if (typeof code === 'number') {
    // Below 100 it is a gRPC code; otherwise an HTTP status.
    return code < 100 ? RETRYABLE_GRPC.has(code) : RETRYABLE_HTTP.has(code);
  }
  return typeof code === 'string' && RETRYABLE_STATUS.has(code);
}

/** Full-jitter exponential backoff: 0..min(cap, base·2^attempt) ms. */
export function backoffMs(attempt: number, baseMs = 100, capMs = 10_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

/** `call`, again after a backoff while it fails with a retryable error, at most `maxAttempts`. */
export async function withGoogleRetry<T>(
  call: () => Promise<T>,
  maxAttempts = GCP_MAX_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryableGoogleError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}
