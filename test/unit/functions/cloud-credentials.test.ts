import { generateKeyPairSync } from 'node:crypto';
import { JWT } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { gcpAuthClient } from '../../../functions/shared/cloud-credentials';
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

describe('GCP service-account key fallback', () => {
  it('builds a JWT client for the key read from the secret', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = {
      type: 'service_account',
      project_id: 'acme-prod',
      private_key_id: 'abc',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: 'mk8s-audit@acme-prod.iam.gserviceaccount.com',
      client_id: '1',
    };
    const { src, reads } = sources(JSON.stringify(key));
    const client = await gcpAuthClient({ source: 'service-account-key', secretArn: ARN }, src);
    expect(client).toBeInstanceOf(JWT);
    expect((client as JWT).email).toBe(key.client_email);
    expect(reads).toEqual([ARN]);
  });

  it('refuses a secret that is not a key, naming the secret and never echoing its text', async () => {
    for (const text of [
      'not json hunter2',
      JSON.stringify({ type: 'authorized_user', secret: 'hunter2' }),
    ]) {
      const { src } = sources(text);
      const error = await gcpAuthClient(
        { source: 'service-account-key', secretArn: ARN },
        src,
      ).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toContain(ARN);
      expect(error?.message).not.toContain('hunter2');
    }
  });
});
