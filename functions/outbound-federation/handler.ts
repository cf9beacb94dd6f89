import {
  EnableOutboundWebIdentityFederationCommand,
  GetOutboundWebIdentityFederationInfoCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import * as z from 'zod';

/**
 * The CloudFormation custom resource that turns on IAM outbound web identity federation for the
 * account (`iam:EnableOutboundWebIdentityFederation`) and reports the account's issuer URL
 * (`iam:GetOutboundWebIdentityFederationInfo`), which the Entra federated credential trusts.
 * CloudFormation has no resource type for this account setting.
 */

/** One physical resource per account: the setting itself. */
export const PHYSICAL_RESOURCE_ID = 'outbound-web-identity-federation';

/** The request fields the handler uses (CloudFormation custom resource request). */
const CustomResourceRequest = z.object({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResponseURL: z.url(),
  StackId: z.string().min(1),
  RequestId: z.string().min(1),
  LogicalResourceId: z.string().min(1),
  PhysicalResourceId: z.string().min(1).optional(),
});
type CustomResourceRequest = z.infer<typeof CustomResourceRequest>;

/** The response CloudFormation reads from the pre-signed `ResponseURL`. */
export interface CustomResourceResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: { IssuerIdentifier: string };
}

export interface OutboundFederationDeps {
  iam: IAMClient;
  /** PUTs the response to the pre-signed URL. */
  respond: (url: string, response: CustomResourceResponse) => Promise<void>;
  log: (entry: Record<string, unknown>) => void;
}

/** "Already enabled" is what EnableOutboundWebIdentityFederation answers on a second call (409). */
function isAlreadyEnabled(error: unknown): boolean {
  const name = (error as { name?: unknown }).name;
  return name === 'FeatureEnabledException' || name === 'FeatureEnabled';
}

async function enableAndReadIssuer(iam: IAMClient): Promise<string> {
  try {
    await iam.send(new EnableOutboundWebIdentityFederationCommand({}));
  } catch (error) {
    if (!isAlreadyEnabled(error)) throw error;
  }
  const info = await iam.send(new GetOutboundWebIdentityFederationInfoCommand({}));
  if (info.IssuerIdentifier === undefined || info.IssuerIdentifier === '') {
    throw new Error('GetOutboundWebIdentityFederationInfo returned no IssuerIdentifier');
  }
  return info.IssuerIdentifier;
}

/**
 * Create and Update enable the setting (idempotent) and return the issuer. Delete does nothing:
 * the setting belongs to the account, and other workloads may rely on tokens it issues, so
 * removing this stack must not turn it off. Every request is answered, also on failure, so a
 * deployment never waits for CloudFormation's timeout.
 */
export function makeHandler(deps: OutboundFederationDeps) {
  return async (event: unknown): Promise<void> => {
    const parsed = CustomResourceRequest.safeParse(event);
    if (!parsed.success) {
      // Without a valid ResponseURL there is no one to answer.
      throw new Error(`Not a CloudFormation custom resource request: ${parsed.error.message}`);
    }
    const request: CustomResourceRequest = parsed.data;
    const base = {
      PhysicalResourceId: request.PhysicalResourceId ?? PHYSICAL_RESOURCE_ID,
      StackId: request.StackId,
      RequestId: request.RequestId,
      LogicalResourceId: request.LogicalResourceId,
    };
    let response: CustomResourceResponse;
    try {
      if (request.RequestType === 'Delete') {
        response = { ...base, Status: 'SUCCESS' };
      } else {
        const issuer = await enableAndReadIssuer(deps.iam);
        response = {
          ...base,
          PhysicalResourceId: PHYSICAL_RESOURCE_ID,
          Status: 'SUCCESS',
          Data: { IssuerIdentifier: issuer },
        };
      }
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      response = { ...base, Status: 'FAILED', Reason: message.slice(0, 1000) };
    }
    // The ResponseURL is a pre-signed URL: it is never logged.
    deps.log({
      requestType: request.RequestType,
      logicalResourceId: request.LogicalResourceId,
      status: response.Status,
      ...(response.Reason === undefined ? {} : { reason: response.Reason }),
      ...(response.Data === undefined ? {} : { issuer: response.Data.IssuerIdentifier }),
    });
    await deps.respond(request.ResponseURL, response);
  };
}
