import { generateKeyPairSync } from 'node:crypto';
import { type AuthClient, JWT } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { gcpAuthClient } from '../../../functions/shared/gcp-credentials';
import type { RunSecrets } from '../../../functions/shared/run-secrets';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:mk8s-audit/gcp-key-AbCdEf';

function sources(secretText: string) {
  const reads: string[] = [];
  const secrets = {
    secret: async (arn: string) => {
      reads.push(arn);
      return secretText;
    },
    parameter: async () => {
      throw new Error('no parameter expected');
    },
  } as unknown as RunSecrets;
  return {
    reads,
    src: {
      region: 'eu-west-1',
      awsCredentials: async () => ({ accessKeyId: 'AKIA', secretAccessKey: 'x' }),
      sts: () => {
        throw new Error('no STS expected');
      },
      secrets,
    },
  };
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KEY = {
  type: 'service_account',
  project_id: 'acme-prod',
  private_key_id: 'abc',
  private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  client_email: 'mk8s-audit@acme-prod.iam.gserviceaccount.com',
  client_id: '1',
};

/**
 * The URL the client posts its assertion to and the assertion's claims, answered by a stand-in
 * fetch (nothing leaves the process).
 */
async function tokenRequest(client: AuthClient): Promise<{ url: string; claims: unknown }> {
  const seen: { url: string; body: string }[] = [];
  client.transporter.defaults.fetchImplementation = async (input, init) => {
    seen.push({ url: String(input), body: String(init?.body) });
    return Response.json({ access_token: 'ya29.test', expires_in: 3599, token_type: 'Bearer' });
  };
  const { token } = await client.getAccessToken();
  expect(token).toBe('ya29.test');
  expect(seen).toHaveLength(1);
  const assertion = new URLSearchParams(seen[0]?.body).get('assertion') ?? '';
  const claims = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString());
  return { url: seen[0]?.url ?? '', claims };
}

describe('GCP service-account key fallback', () => {
  it('builds a JWT client for the key read from the secret', async () => {
    const { src, reads } = sources(JSON.stringify(KEY));
    const client = await gcpAuthClient({ source: 'service-account-key', secretArn: ARN }, src);
    expect(client).toBeInstanceOf(JWT);
    expect((client as JWT).email).toBe(KEY.client_email);
    expect(reads).toEqual([ARN]);
  });

  it.each([
    ['without token_uri', KEY],
    ["with Google's token_uri", { ...KEY, token_uri: 'https://oauth2.googleapis.com/token' }],
  ])('%s, the assertion goes to Google as the library sends it', async (_case, key) => {
    const { src } = sources(JSON.stringify(key));
    const client = await gcpAuthClient({ source: 'service-account-key', secretArn: ARN }, src);
    if (client === undefined) throw new Error('no client');
    const { url, claims } = await tokenRequest(client);
    expect(url).toBe('https://oauth2.googleapis.com/token');
    expect(claims).toMatchObject({
      iss: KEY.client_email,
      aud: 'https://oauth2.googleapis.com/token',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
    });
  });

  it.each(['https://oauth2-acme.p.googleapis.com/token', 'http://127.0.0.1:8080/token'])(
    "posts the assertion to the key's token_uri %s, its audience still Google's token URI",
    async (tokenUri) => {
      const { src } = sources(JSON.stringify({ ...KEY, token_uri: tokenUri }));
      const client = await gcpAuthClient({ source: 'service-account-key', secretArn: ARN }, src);
      if (client === undefined) throw new Error('no client');
      const { url, claims } = await tokenRequest(client);
      expect(url).toBe(tokenUri);
      expect(claims).toMatchObject({ aud: 'https://oauth2.googleapis.com/token' });
    },
  );

  it.each([
    ['not JSON', 'not json hunter2', /is not JSON/],
    [
      'another credential type',
      JSON.stringify({ type: 'authorized_user', refresh_token: 'hunter2' }),
      /type: must be "service_account"/,
    ],
    [
      'a key without its private key',
      JSON.stringify({ ...KEY, private_key: 'hunter2' }),
      /private_key: must be the PEM private key/,
    ],
    [
      'a token_uri over plain http',
      JSON.stringify({ ...KEY, token_uri: 'http://hunter2.example/token' }),
      /token_uri: must be an https:\/\/ URL/,
    ],
  ])('refuses %s, naming the secret and never echoing its text', async (_case, text, reason) => {
    const { src } = sources(text);
    const error = await gcpAuthClient({ source: 'service-account-key', secretArn: ARN }, src).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain(ARN);
    expect(error?.message).toMatch(reason);
    expect(error?.message).not.toContain('hunter2');
    expect(error?.message).not.toContain('PRIVATE KEY');
  });
});
