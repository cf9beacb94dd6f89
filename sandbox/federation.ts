import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * What the sandbox's token services hold: the access tokens they issued (Google STS, IAM
 * Credentials, Google OAuth, Entra) with the principal each stands for, the assertions presented
 * to them, the principals seen calling the Google and Azure APIs with the tokens, and the key
 * that signs AWS outbound web identity tokens.
 */
export class FederationState {
  readonly #tokens = new Map<string, string>();
  readonly #seen = new Set<string>();
  readonly #presented: string[] = [];
  #key: { privateKey: KeyObject; publicKey: KeyObject; kid: string } | undefined;

  /** Records an issued access token and returns it. */
  issue(token: string, principal: string): string {
    this.#tokens.set(token, principal);
    return token;
  }

  /** Every token issued so far (tests look for them where they must not be, e.g. in logs). */
  issued(): string[] {
    return [...this.#tokens.keys()];
  }

  /** Notes a credential a client presented to a token service (a signed assertion). */
  presented(credential: string): void {
    if (credential !== '') this.#presented.push(credential);
  }

  /** Every credential presented so far (like `issued()`, for tests to look for in logs). */
  presentedCredentials(): string[] {
    return [...this.#presented];
  }

  /** The principal of a token the sandbox issued, else undefined. */
  principalOf(token: string): string | undefined {
    return this.#tokens.get(token);
  }

  /** Notes the caller of an API call: the token's principal, or `token:<unknown>` for any other. */
  sawBearer(authorization: string | undefined): void {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (token === undefined) return;
    this.#seen.add(this.#tokens.get(token) ?? 'token:unknown');
  }

  /** Principals that called the Google and Azure APIs, sorted. */
  callers(): string[] {
    return [...this.#seen].sort();
  }

  /** The RSA key pair of the AWS outbound identity issuer (made on first use). */
  signingKey(): { privateKey: KeyObject; publicKey: KeyObject; kid: string } {
    if (!this.#key) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      this.#key = { privateKey, publicKey: createPublicKey(privateKey), kid: 'sandbox-key-1' };
    }
    return this.#key;
  }
}
