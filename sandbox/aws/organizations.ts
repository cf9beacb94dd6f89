import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { callerAccount } from './caller';
import { awsJsonRoute, jsonBody, jsonOutput, page } from './protocol';

/**
 * Organizations (JSON 1.1): the member accounts and the OU tree, answered in the management
 * account only. Accounts without a `parentId` are in the root.
 */

const ORG_ID = 'o-sbx0example';
/** The organization's root. */
export const ROOT_ID = 'r-sbx0';

type Ctx = RouteContext;

/** The estate's organization, if the caller is its management account (else the API's error). */
function organizationOf(ctx: Ctx) {
  const aws = ctx.state.estate.aws;
  const org = aws?.organization;
  if (!aws || !org) {
    throw new ApiError(
      400,
      'AWSOrganizationsNotInUseException',
      'Your account is not a member of an organization.',
    );
  }
  if (callerAccount(ctx.state, ctx.req.aws) !== org.managementAccount) {
    throw new ApiError(
      400,
      'AccessDeniedException',
      "You don't have permissions to access this resource.",
    );
  }
  return { aws, org };
}

/** Validates MaxResults (1-20) and pages `items` by NextToken. */
function paged<T>(ctx: Ctx, items: readonly T[]): { items: T[]; next: string | undefined } {
  const body = jsonBody(ctx.req);
  const max = body['MaxResults'] ?? 20;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 20) {
    throw new ApiError(
      400,
      'InvalidInputException',
      'You provided a value that does not match the required pattern.',
    );
  }
  const p = page(items, body['NextToken'] as string | undefined, max);
  if (!p) throw new ApiError(400, 'InvalidInputException', 'The NextToken is not valid.');
  return p;
}

function accountsOf(ctx: Ctx, parentId?: string) {
  const { aws, org } = organizationOf(ctx);
  return Object.entries(aws.accounts)
    .filter(([, a]) => parentId === undefined || (a.parentId ?? ROOT_ID) === parentId)
    .map(([id, a]) => ({
      Id: id,
      Arn: `arn:aws:organizations::${org.managementAccount}:account/${ORG_ID}/${id}`,
      Email: a.email ?? `aws+${id}@example.com`,
      Name: a.name ?? id,
      Status: a.status,
      State: a.status,
      JoinedMethod: id === org.managementAccount ? 'CREATED' : 'INVITED',
      JoinedTimestamp: '2024-01-15T10:00:00Z',
    }));
}

/** The parent id must be the root or one of the estate's OUs. */
function knownParent(ctx: Ctx): string {
  const { org } = organizationOf(ctx);
  const parentId = jsonBody(ctx.req)['ParentId'];
  if (
    typeof parentId !== 'string' ||
    (parentId !== ROOT_ID && !org.organizationalUnits.some((ou) => ou.id === parentId))
  ) {
    throw new ApiError(
      400,
      'ParentNotFoundException',
      'We can\u2019t find a root or OU with the ParentId that you specified.',
    );
  }
  return parentId;
}

export const organizationsRoutes: Route[] = [
  awsJsonRoute({
    service: 'organizations',
    operation: 'ListAccounts',
    global: true,
    handle: (ctx, model) => {
      const p = paged(ctx, accountsOf(ctx));
      return jsonOutput(
        model,
        'ListAccounts',
        { Accounts: p.items, NextToken: p.next },
        ctx.requestId,
      );
    },
  }),
  awsJsonRoute({
    service: 'organizations',
    operation: 'ListRoots',
    global: true,
    handle: (ctx, model) => {
      const { org } = organizationOf(ctx);
      const root = {
        Id: ROOT_ID,
        Arn: `arn:aws:organizations::${org.managementAccount}:root/${ORG_ID}/${ROOT_ID}`,
        Name: 'Root',
        PolicyTypes: [],
      };
      const p = paged(ctx, [root]);
      return jsonOutput(model, 'ListRoots', { Roots: p.items, NextToken: p.next }, ctx.requestId);
    },
  }),
  awsJsonRoute({
    service: 'organizations',
    operation: 'ListAccountsForParent',
    global: true,
    handle: (ctx, model) => {
      const p = paged(ctx, accountsOf(ctx, knownParent(ctx)));
      return jsonOutput(
        model,
        'ListAccountsForParent',
        { Accounts: p.items, NextToken: p.next },
        ctx.requestId,
      );
    },
  }),
  awsJsonRoute({
    service: 'organizations',
    operation: 'ListChildren',
    global: true,
    handle: (ctx, model) => {
      const parentId = knownParent(ctx);
      const type = jsonBody(ctx.req)['ChildType'];
      if (type !== 'ACCOUNT' && type !== 'ORGANIZATIONAL_UNIT') {
        throw new ApiError(
          400,
          'InvalidInputException',
          'ChildType must be ACCOUNT or ORGANIZATIONAL_UNIT.',
        );
      }
      const { org } = organizationOf(ctx);
      const children =
        type === 'ACCOUNT'
          ? accountsOf(ctx, parentId).map((a) => ({ Id: a.Id, Type: 'ACCOUNT' }))
          : org.organizationalUnits
              .filter((ou) => ou.parentId === parentId)
              .map((ou) => ({ Id: ou.id, Type: 'ORGANIZATIONAL_UNIT' }));
      const p = paged(ctx, children);
      return jsonOutput(
        model,
        'ListChildren',
        { Children: p.items, NextToken: p.next },
        ctx.requestId,
      );
    },
  }),
];
