import { ApiError } from '../api-error';
import { header, type Reply, type SandboxRequest } from '../http';
import type { Route, RouteContext } from '../route';
import { callerAccount } from './caller';
import { jsonBody } from './protocol';

/**
 * Secrets Manager GetSecretValue and SSM GetParameter (JSON 1.1 protocol), enough for the
 * functions' run-time reads of opt-in secrets and of the GCP external-account configuration.
 * Written by hand (no trimmed model): two operations with flat string answers.
 */

function jsonRoute(
  service: string,
  target: string,
  handle: (ctx: RouteContext) => Record<string, unknown>,
): Route {
  const [, operation] = target.split('.');
  return {
    operation: `${service}:${operation}`,
    protocol: 'aws-json',
    match: (req: SandboxRequest) =>
      req.aws?.service === service && header(req, 'x-amz-target') === target ? {} : undefined,
    target: (req, _p, state) =>
      `${callerAccount(state, req.aws)}/${req.aws?.region ?? 'us-east-1'}`,
    handle: (ctx): Reply => ({
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': ctx.requestId },
      body: JSON.stringify(handle(ctx)),
    }),
  };
}

const account = (ctx: RouteContext) =>
  ctx.state.estate.aws?.accounts[callerAccount(ctx.state, ctx.req.aws)];

export const secretsRoutes: Route[] = [
  jsonRoute('secretsmanager', 'secretsmanager.GetSecretValue', (ctx) => {
    const id = String(jsonBody(ctx.req)['SecretId'] ?? '');
    const value = account(ctx)?.secrets[id];
    if (value === undefined) {
      throw new ApiError(
        400,
        'ResourceNotFoundException',
        "Secrets Manager can't find the specified secret.",
      );
    }
    return {
      ARN: id,
      Name: id.replace(/^.*:secret:/, '').replace(/-[A-Za-z0-9]{6}$/, ''),
      SecretString: value,
      VersionId: '00000000-0000-4000-8000-000000000001',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: 1_764_000_000,
    };
  }),
  jsonRoute('ssm', 'AmazonSSM.GetParameter', (ctx) => {
    const name = String(jsonBody(ctx.req)['Name'] ?? '');
    const value = account(ctx)?.parameters[name];
    if (value === undefined) throw new ApiError(400, 'ParameterNotFound', '');
    return {
      Parameter: { Name: name, Type: 'String', Value: value, Version: 1, DataType: 'text' },
    };
  }),
];
