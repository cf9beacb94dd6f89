import { ApiError } from '../api-error';
import type { Route } from '../route';
import { callerAccount, callerArn, sandboxAccessKeyId } from './caller';
import { awsQueryRoute, formOf, xmlOutput } from './protocol';

/** STS (query protocol): who am I, and temporary credentials for a member account's role. */

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

export const stsRoutes: Route[] = [
  awsQueryRoute({
    service: 'sts',
    operation: 'GetCallerIdentity',
    handle: (ctx, model) => {
      const arn = callerArn(ctx.state, ctx.req.aws);
      const session = ctx.req.aws?.sessionToken
        ? ctx.state.sessions.get(ctx.req.aws.sessionToken)
        : undefined;
      return xmlOutput(
        model,
        'GetCallerIdentity',
        {
          UserId: session
            ? `AROASBX0${session.account}:${session.sessionName}`
            : 'AIDASBX0SANDBOXUSER',
          Account: callerAccount(ctx.state, ctx.req.aws),
          Arn: arn,
        },
        ctx.requestId,
      );
    },
  }),
  awsQueryRoute({
    service: 'sts',
    operation: 'AssumeRole',
    // Faults aimed at an account hit the AssumeRole into it, as a missing trust would.
    target: (req) => ROLE_ARN.exec(formOf(req).get('RoleArn') ?? '')?.[1] ?? 'invalid',
    handle: (ctx, model) => {
      const form = formOf(ctx.req);
      const roleArn = form.get('RoleArn') ?? '';
      const sessionName = form.get('RoleSessionName') ?? '';
      if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
        throw new ApiError(
          400,
          'ValidationError',
          "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint",
        );
      }
      const m = ROLE_ARN.exec(roleArn);
      if (!m) throw new ApiError(400, 'ValidationError', `${roleArn} is invalid`);
      const [, account, roleName] = m as unknown as [string, string, string];
      if (!ctx.state.estate.aws?.accounts[account]) {
        throw new ApiError(
          403,
          'AccessDenied',
          `User: ${callerArn(ctx.state, ctx.req.aws)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        );
      }
      const duration = Number(form.get('DurationSeconds') ?? 3600);
      ctx.state.sequence += 1;
      const token = `sbx-session-${ctx.state.sequence}`;
      ctx.state.sessions.set(token, { account, roleName, sessionName });
      return xmlOutput(
        model,
        'AssumeRole',
        {
          Credentials: {
            AccessKeyId: sandboxAccessKeyId(account),
            SecretAccessKey: 'sandbox-secret',
            SessionToken: token,
            Expiration: new Date(Date.now() + duration * 1000).toISOString(),
          },
          AssumedRoleUser: {
            AssumedRoleId: `AROASBX0${account}:${sessionName}`,
            Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
          },
        },
        ctx.requestId,
      );
    },
  }),
];
