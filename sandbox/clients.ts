/**
 * The real SDK clients pointed at a sandbox, for tests and benchmarks. Production code reaches
 * a sandbox through the same endpoint options (providers/collector-options.ts), never through
 * this file. The options are the ones toolchain.md §4–§7 verified over plain HTTP.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { STSClient } from '@aws-sdk/client-sts';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ClusterManagerClient } from '@google-cloud/container';
import {
  type AwsSandboxClientOptions,
  awsClientConfig,
  fakeAzureCredential,
  fakeGoogleAuthClient,
} from './credentials';

export { type AwsSandboxClientOptions, awsClientConfig, fakeAzureCredential, fakeGoogleAuthClient };

export const eksClient = (url: string, o?: AwsSandboxClientOptions) =>
  new EKSClient(awsClientConfig(url, o));
export const stsClient = (url: string, o?: AwsSandboxClientOptions) =>
  new STSClient(awsClientConfig(url, o));
export const iamClient = (url: string, o?: AwsSandboxClientOptions) =>
  new IAMClient(awsClientConfig(url, o));
export const ec2Client = (url: string, o?: AwsSandboxClientOptions) =>
  new EC2Client(awsClientConfig(url, o));
export const organizationsClient = (url: string, o?: AwsSandboxClientOptions) =>
  new OrganizationsClient(awsClientConfig(url, o));
export const securityHubClient = (url: string, o?: AwsSandboxClientOptions) =>
  new SecurityHubClient(awsClientConfig(url, o));

/** `@google-cloud/container` over REST (fallback) and plain http to the sandbox (toolchain §5). */
export function gkeClient(url: string): ClusterManagerClient {
  const { hostname, port } = new URL(url);
  return new ClusterManagerClient({
    fallback: true,
    protocol: 'http',
    apiEndpoint: hostname,
    port: Number(port),
    authClient: fakeGoogleAuthClient(),
  });
}

/**
 * Rewrites `https://` to `http://` after the bearer-token policy ran (it refuses plain http):
 * option B of toolchain §6. The sandbox's `nextLink`s are https:// for the same reason.
 */
export const httpsToHttpPolicy: PipelinePolicy = {
  name: 'sandboxHttpsToHttp',
  sendRequest: (req, next) => {
    req.url = req.url.replace(/^https:/, 'http:');
    req.allowInsecureConnection = true;
    return next(req);
  },
};

/** ARM endpoint options for a sandbox: `https://127.0.0.1:PORT` plus the downgrade policy. */
export function azureClientOptions(url: string) {
  return {
    endpoint: url.replace(/^http:/, 'https:'),
    additionalPolicies: [{ position: 'perRetry' as const, policy: httpsToHttpPolicy }],
  };
}

export function aksClient(url: string, subscriptionId: string): ContainerServiceClient {
  return new ContainerServiceClient(fakeAzureCredential, subscriptionId, azureClientOptions(url));
}
