import { ApiError } from '../api-error';
import type { Route } from '../route';
import { callerAccount } from './caller';
import { awsJsonRoute, jsonBody, jsonOutput, page } from './protocol';

/** Organizations (JSON 1.1): the member accounts, answered in the management account only. */

const ORG_ID = 'o-sbx0example';

export const organizationsRoutes: Route[] = [
  awsJsonRoute({
    service: 'organizations',
    operation: 'ListAccounts',
    global: true,
    handle: (ctx, model) => {
      const aws = ctx.state.estate.aws;
      const management = aws?.organization?.managementAccount;
      if (!aws || !management) {
        throw new ApiError(
          400,
          'AWSOrganizationsNotInUseException',
          'Your account is not a member of an organization.',
        );
      }
      if (callerAccount(ctx.state, ctx.req.aws) !== management) {
        throw new ApiError(
          400,
          'AccessDeniedException',
          "You don't have permissions to access this resource.",
        );
      }
      const body = jsonBody(ctx.req);
      const max = body['MaxResults'] ?? 20;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 20) {
        throw new ApiError(
          400,
          'InvalidInputException',
          'You provided a value that does not match the required pattern.',
        );
      }
      const accounts = Object.entries(aws.accounts).map(([id, a]) => ({
        Id: id,
        Arn: `arn:aws:organizations::${management}:account/${ORG_ID}/${id}`,
        Email: a.email ?? `aws+${id}@example.com`,
        Name: a.name ?? id,
        Status: a.status,
        State: a.status,
        JoinedMethod: id === management ? 'CREATED' : 'INVITED',
        JoinedTimestamp: '2024-01-15T10:00:00Z',
      }));
      const p = page(accounts, body['NextToken'] as string | undefined, max);
      if (!p) throw new ApiError(400, 'InvalidInputException', 'The NextToken is not valid.');
      return jsonOutput(
        model,
        'ListAccounts',
        { Accounts: p.items, NextToken: p.next },
        ctx.requestId,
      );
    },
  }),
];
