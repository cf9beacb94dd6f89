/**
 * An error a route answers with. Each protocol writes it in its own wire shape (see
 * `errors.ts`): `code` is the AWS error code / GCP status / ARM error code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
