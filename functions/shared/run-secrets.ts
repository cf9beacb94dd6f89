import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SSMClient } from '@aws-sdk/client-ssm';

/**
 * Reads secrets (Secrets Manager) and non-secret settings (SSM parameters) at run time, each at
 * most once per instance: make one per invocation, so a rotated secret is picked up by the next
 * run and no value outlives the invocation. A value is never put in the environment, never
 * logged, and an error names the secret or parameter, never a value. The two SDK clients are
 * imported only when a secret or parameter is read (they are opt-in fallbacks).
 */
export class RunSecrets {
  readonly #secrets = new Map<string, Promise<string>>();
  readonly #parameters = new Map<string, Promise<string>>();

  constructor(
    private readonly clients: {
      secretsManager: () => Promise<SecretsManagerClient>;
      ssm: () => Promise<SSMClient>;
    },
  ) {}

  /** The secret's string value (KMS-decrypted by Secrets Manager). */
  secret(arn: string): Promise<string> {
    let value = this.#secrets.get(arn);
    if (value === undefined) {
      value = this.#readSecret(arn);
      this.#secrets.set(arn, value);
      // A failed read is not cached: the next caller tries again.
      value.catch(() => this.#secrets.delete(arn));
    }
    return value;
  }

  /** The parameter's value (String, or SecureString decrypted). */
  parameter(name: string): Promise<string> {
    let value = this.#parameters.get(name);
    if (value === undefined) {
      value = this.#readParameter(name);
      this.#parameters.set(name, value);
      value.catch(() => this.#parameters.delete(name));
    }
    return value;
  }

  async #readSecret(arn: string): Promise<string> {
    try {
      const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
      const client = await this.clients.secretsManager();
      const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
      if (out.SecretString === undefined) throw new Error('it holds no SecretString');
      return out.SecretString;
    } catch (error) {
      throw new Error(`secret ${arn} could not be read: ${reason(error)}`);
    }
  }

  async #readParameter(name: string): Promise<string> {
    try {
      const { GetParameterCommand } = await import('@aws-sdk/client-ssm');
      const client = await this.clients.ssm();
      const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
      if (out.Parameter?.Value === undefined) throw new Error('it has no value');
      return out.Parameter.Value;
    } catch (error) {
      throw new Error(`SSM parameter ${name} could not be read: ${reason(error)}`);
    }
  }
}

/** The error's name and message only (an SDK error carries no request data in them). */
function reason(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
