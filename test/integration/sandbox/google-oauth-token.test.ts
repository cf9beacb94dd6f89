import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EstateInput, parseEstate } from '../../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';

const SA = 'auditor@acme-prod.iam.gserviceaccount.com';
const AUD = 'https://oauth2.googleapis.com/token';
const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();

function estate(): EstateInput {
  return {
    gcp: {
      projects: {},
      serviceAccountKeys: [
        { serviceAccount: SA, keyId: 'key-1', publicKey: spki(key.publicKey) },
        { serviceAccount: SA, keyId: 'key-2', publicKey: spki(other.publicKey) },
      ],
    },
  };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** An RS256 JWT signed with `privateKey`. */
function jwt(
  claims: Record<string, unknown>,
  privateKey: KeyObject = key.privateKey,
  header: Record<string, unknown> = { alg: 'RS256' },
): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

function claims(over: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000);
  return { iss: SA, aud: AUD, scope: SCOPE, iat, exp: iat + 3600, ...over };
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ estate: estate() });
});
afterAll(() => sb.stop());

async function exchange(assertion: string, grant = JWT_BEARER) {
  const res = await fetch(`${sb.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: grant, assertion }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('sandbox Google OAuth token endpoint (JWT bearer grant of service-account keys)', () => {
  it('issues a token acting as the service account for an assertion signed with any of its keys', async () => {
    for (const privateKey of [key.privateKey, other.privateKey]) {
      const { status, body } = await exchange(jwt(claims(), privateKey));
      expect(status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
      expect(sb.state.federation.principalOf(String(body['access_token']))).toBe(
        `serviceAccount:${SA}`,
      );
    }
    // A `kid` selects that key.
    const kid = await exchange(jwt(claims(), other.privateKey, { alg: 'RS256', kid: 'key-2' }));
    expect(kid.status).toBe(200);
  });

  it('the token is accepted by the GKE routes as the service account', async () => {
    const { body } = await exchange(jwt(claims()));
    const res = await fetch(`${sb.url}/v1/projects/acme-prod/locations/-/clusters`, {
      headers: { authorization: `Bearer ${String(body['access_token'])}` },
    });
    expect(res.status).toBe(403); // the project is not in this estate
    expect(sb.state.federation.callers()).toEqual([`serviceAccount:${SA}`]);
  });

  const now = Math.floor(Date.now() / 1000);
  it.each([
    [
      'another grant type',
      () => exchange(jwt(claims()), 'client_credentials'),
      'unsupported_grant_type',
      /Invalid grant_type/,
    ],
    ['not a JWT', () => exchange('not-a-jwt'), 'invalid_grant', /not a signed JWT/],
    [
      'HS256',
      () => exchange(jwt(claims(), key.privateKey, { alg: 'HS256' })),
      'invalid_grant',
      /RS256/,
    ],
    [
      'an unknown service account',
      () => exchange(jwt(claims({ iss: 'x@acme-prod.iam.gserviceaccount.com' }))),
      'invalid_grant',
      /account not found/,
    ],
    [
      'a key not registered',
      () => exchange(jwt(claims(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)),
      'invalid_grant',
      /Invalid JWT Signature/,
    ],
    [
      'an unknown key id',
      () => exchange(jwt(claims(), key.privateKey, { alg: 'RS256', kid: 'deleted' })),
      'invalid_grant',
      /Invalid JWT Signature/,
    ],
    [
      "another key's id",
      () => exchange(jwt(claims(), key.privateKey, { alg: 'RS256', kid: 'key-2' })),
      'invalid_grant',
      /Invalid JWT Signature/,
    ],
    [
      'a user subject (domain-wide delegation)',
      () => exchange(jwt(claims({ sub: 'admin@acme.example' }))),
      'unauthorized_client',
      /unauthorized/,
    ],
    [
      'another audience',
      () => exchange(jwt(claims({ aud: 'https://sts.googleapis.com/v1/token' }))),
      'invalid_grant',
      /audience/,
    ],
    [
      'more than an hour',
      () => exchange(jwt(claims({ iat: now, exp: now + 3601 }))),
      'invalid_grant',
      /short-lived/,
    ],
    [
      'expired',
      () => exchange(jwt(claims({ iat: now - 3700, exp: now - 100 }))),
      'invalid_grant',
      /short-lived/,
    ],
    [
      'issued in the future',
      () => exchange(jwt(claims({ iat: now + 900, exp: now + 1800 }))),
      'invalid_grant',
      /short-lived/,
    ],
    ['no scope', () => exchange(jwt(claims({ scope: undefined }))), 'invalid_scope', /scope/],
  ])('refuses %s', async (_case, call, error, description) => {
    const before = sb.state.federation.issued().length;
    const { status, body } = await call();
    expect(status).toBeGreaterThanOrEqual(400);
    expect(body['error']).toBe(error);
    expect(String(body['error_description'])).toMatch(description);
    expect(sb.state.federation.issued().length).toBe(before);
  });

  it('the estate refuses a public key that is not an RSA PEM, naming the entry', () => {
    expect(() =>
      parseEstate({
        gcp: {
          projects: {},
          serviceAccountKeys: [{ serviceAccount: SA, keyId: 'k', publicKey: 'not a key' }],
        },
      }),
    ).toThrow(/gcp\.serviceAccountKeys\[0\]\.publicKey: expected an RSA public key in PEM/);
  });
});
