import { type AuthClient, GoogleAuth, gaxios } from 'google-auth-library';

/**
 * Google's OAuth token endpoint: where google-auth-library (through gtoken) posts a
 * service-account key's JWT-bearer assertion, and the `aud` it gives the assertion.
 */
export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/**
 * A service-account key file, as `gcloud iam service-accounts keys create` writes it. The other
 * fields (`private_key_id`, `project_id`, `universe_domain`...) go to the library as they are.
 */
export interface GcpServiceAccountKeyFile {
  type: 'service_account';
  client_email: string;
  private_key: string;
  /** The token endpoint; Google writes `https://oauth2.googleapis.com/token`. */
  token_uri?: string | undefined;
}

const SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];

/**
 * Sends the requests addressed to Google's token endpoint to the key's `token_uri` instead.
 * gtoken has the endpoint hard-coded; the URL is replaced before gaxios prepares the request,
 * so proxy settings and retries apply to the endpoint actually called.
 */
class TokenUriTransporter extends gaxios.Gaxios {
  constructor(private readonly tokenUri: string) {
    super();
  }

  override request<T>(opts: gaxios.GaxiosOptions = {}): Promise<gaxios.GaxiosResponse<T>> {
    const url = opts.url instanceof URL ? opts.url.href : opts.url;
    return super.request<T>(url === GOOGLE_TOKEN_URI ? { ...opts, url: this.tokenUri } : opts);
  }
}

/**
 * A google-auth-library client for a service-account key: it signs a JWT-bearer assertion with
 * the key (RS256; `iss` the service account, `aud` Google's token URI, one hour), exchanges it
 * for an access token and caches the token until shortly before it expires.
 *
 * The library always posts to Google's endpoint and ignores the key's `token_uri`; a key that
 * names another endpoint (Private Service Connect) gets a transporter that posts there. The
 * assertion's `aud` stays Google's token URI, as Google's Python library keeps it. A key without
 * `token_uri`, or with Google's, is used exactly as the library uses it.
 */
export function gcpServiceAccountKeyClient(key: GcpServiceAccountKeyFile): Promise<AuthClient> {
  const tokenUri = key.token_uri;
  const clientOptions =
    tokenUri === undefined || tokenUri === GOOGLE_TOKEN_URI
      ? {}
      : { clientOptions: { transporter: new TokenUriTransporter(tokenUri) } };
  return new GoogleAuth({ credentials: key, scopes: SCOPES, ...clientOptions }).getClient();
}
