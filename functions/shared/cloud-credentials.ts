import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialsLike } from '../../providers/gcp/workload-identity';
import type { RunSecrets } from './run-secrets';

/** What the Google and Azure credentials are made from (built once per invocation). */
export interface CredentialSources {
  /** The function's Region (the signed GetCallerIdentity names its STS endpoint). */
  region: string;
  /** The function role's AWS credentials (an SDK client's `config.credentials`). */
  awsCredentials: () => Promise<AwsCredentialsLike>;
  /** A regional STS client for GetWebIdentityToken. */
  sts: () => STSClient;
  secrets: RunSecrets;
}

/** A credentials setting that cannot be used; the message names the setting, never a value. */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
}

/** Parses JSON; the error names the source and never echoes the text (it may be a key). */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CredentialsError(`${source} is not JSON`);
  }
}
