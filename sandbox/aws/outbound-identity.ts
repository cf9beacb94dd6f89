import { randomUUID, sign } from 'node:crypto';
import { ApiError } from '../api-error';
import type { AwsCaller } from '../http';
import type { Route } from '../route';
import type { SandboxState } from '../state';
import { callerAccount, callerArn } from './caller';
import { awsQueryRoute, formOf, xmlOutput } from './protocol';

/**
 * IAM outbound identity federation: STS GetWebIdentityToken returns a JWT about the caller
 * (`sub` = the role ARN for a role session), signed with the sandbox's issuer key. Each account
 * has its own issuer URL, as `iam:GetOutboundWebIdentityFederationInfo` reports it.
 */

export function outboundIssuer(account: string): string {
  return `https://sbx-${account}.tokens.sts.global.api.aws`;
}

/** The token's subject: the role of a role session (not the session), else the caller's ARN. */
function subjectOf(state: SandboxState, caller: AwsCaller | undefined): string {
  const arn = callerArn(state, caller);
  const m = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : arn;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const outboundIdentityRoutes: Route[] = [
  awsQueryRoute({
    service: 'sts',
    operation: 'GetWebIdentityToken',
    handle: (ctx, model) => {
      if (ctx.req.aws?.region === undefined || ctx.req.aws.region === 'aws-global') {
        throw new ApiError(
          400,
          'InvalidAction',
          'GetWebIdentityToken is not available on the global endpoint.',
        );
      }
      const form = formOf(ctx.req);
      const audience = [...form.entries()]
        .filter(([k]) => /^Audience\.member\.\d+$/.test(k))
        .map(([, v]) => v);
      const algorithm = form.get('SigningAlgorithm');
      const duration = Number(form.get('DurationSeconds') ?? 300);
      if (audience.length < 1 || audience.length > 10 || audience.some((a) => a.length > 1000)) {
        throw new ApiError(
          400,
          'ValidationError',
          "Value at 'audience' failed to satisfy constraint",
        );
      }
      if (algorithm !== 'RS256') {
        // ES384 exists in the real service; the sandbox signs RS256 only (what Entra accepts).
        throw new ApiError(
          400,
          'ValidationError',
          `The sandbox signs RS256 only, not ${algorithm}`,
        );
      }
      if (!Number.isInteger(duration) || duration < 60 || duration > 3600) {
        throw new ApiError(
          400,
          'ValidationError',
          "Value at 'durationSeconds' failed to satisfy constraint",
        );
      }
      const account = callerAccount(ctx.state, ctx.req.aws);
      if (ctx.state.estate.aws?.accounts[account]?.outboundWebIdentityFederation === false) {
        throw new ApiError(
          403,
          'OutboundWebIdentityFederationDisabled',
          'Outbound web identity federation is not enabled for this account.',
        );
      }
      const key = ctx.state.federation.signingKey();
      const now = Math.floor(Date.now() / 1000);
      const header = b64({ alg: 'RS256', typ: 'JWT', kid: key.kid });
      const payload = b64({
        iss: outboundIssuer(account),
        sub: subjectOf(ctx.state, ctx.req.aws),
        aud: audience.length === 1 ? audience[0] : audience,
        iat: now,
        nbf: now,
        exp: now + duration,
        jti: randomUUID(),
        'https://sts.amazonaws.com/': { aws_account: account, source_region: ctx.req.aws.region },
      });
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey);
      return xmlOutput(
        model,
        'GetWebIdentityToken',
        {
          WebIdentityToken: ctx.state.federation.issue(
            `${header}.${payload}.${signature.toString('base64url')}`,
            callerArn(ctx.state, ctx.req.aws),
          ),
          Expiration: new Date((now + duration) * 1000).toISOString(),
        },
        ctx.requestId,
      );
    },
  }),
];
