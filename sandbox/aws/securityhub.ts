import { ApiError } from '../api-error';
import type { Route, RouteContext } from '../route';
import { callerAccount, callerArn } from './caller';
import { ModelValidator } from './model-validate';
import { awsRestJsonRoute, jsonBody, jsonOutput, page } from './protocol';
import type { StoredFinding } from './securityhub-store';

/**
 * Security Hub (rest-json): BatchImportFindings validated against the official model, and
 * GetFindings over the imported findings.
 */

/** "The maximum allowed size for a finding is 240 Kb." (BatchImportFindings documentation) */
const MAX_FINDING_BYTES = 240 * 1024;
/** Batch size limit of the partner guide `guidelines-batchimportfindings`. */
const MAX_REQUEST_BYTES = 6 * 1024 * 1024;
const PREFIX = 'Finding does not adhere to Amazon Finding Format.';
const DEFAULT_PRODUCT =
  /^arn:aws[a-z-]*:securityhub:([a-z0-9-]+):(\d{12}):product\/(\d{12})\/default$/;
/** ASFF timestamps are ISO 8601 strings (the model types them as NonEmptyString). */
const DATE_FIELDS = ['CreatedAt', 'UpdatedAt', 'FirstObservedAt', 'LastObservedAt'];

/** The validation errors of one finding (empty when it is valid). */
function findingErrors(finding: unknown, model: Parameters<typeof jsonOutput>[0]): string[] {
  const bytes = Buffer.byteLength(JSON.stringify(finding));
  if (bytes > MAX_FINDING_BYTES) {
    return [`data is ${bytes} bytes; the maximum allowed size for a finding is 240 KB`];
  }
  const validator = new ModelValidator(model);
  validator.check('AwsSecurityFinding', finding, 'data');
  const errors = [...validator.errors];
  if (typeof finding === 'object' && finding !== null) {
    const f = finding as Record<string, unknown>;
    const severity = f['Severity'] as Record<string, unknown> | undefined;
    if (severity && severity['Label'] === undefined && severity['Normalized'] === undefined) {
      errors.push("data.Severity should have required property 'Label'");
    }
    for (const field of DATE_FIELDS) {
      const v = f[field];
      if (typeof v === 'string' && Number.isNaN(Date.parse(v))) {
        errors.push(`data.${field} should match format "date-time"`);
      }
    }
  }
  return errors;
}

/** Fields the service fills in on import (as GetFindings then shows them). */
function stored(finding: Record<string, unknown>, region: string): StoredFinding {
  const workflow = finding['Workflow'] ?? { Status: 'NEW' };
  return {
    ProductName: 'Default',
    CompanyName: 'Personal',
    Region: region,
    RecordState: 'ACTIVE',
    WorkflowState: 'NEW',
    ...finding,
    Workflow: workflow,
    ProcessedAt: new Date().toISOString(),
  };
}

/** Caller rule: with the default product ARN, only that account, in that region, may import. */
function checkProduct(ctx: RouteContext, findings: unknown[]): void {
  const account = callerAccount(ctx.state, ctx.req.aws);
  const region = ctx.req.aws?.region ?? 'us-east-1';
  for (const f of findings) {
    if (typeof f !== 'object' || f === null) continue;
    const rec = f as Record<string, unknown>;
    const m = DEFAULT_PRODUCT.exec(String(rec['ProductArn'] ?? ''));
    if (!m) continue;
    if (
      m[1] !== region ||
      m[2] !== account ||
      m[3] !== account ||
      rec['AwsAccountId'] !== account
    ) {
      throw new ApiError(
        403,
        'AccessDeniedException',
        `User: ${callerArn(ctx.state, ctx.req.aws)} is not authorized to perform: securityhub:BatchImportFindings on product ${String(rec['ProductArn'])} for account ${String(rec['AwsAccountId'])}`,
      );
    }
  }
}

type Getter = (f: StoredFinding) => unknown[];
const at =
  (...path: string[]): Getter =>
  (f) => {
    let v: unknown = f;
    for (const p of path)
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
    return [v];
  };
const inResources =
  (field: string): Getter =>
  (f) =>
    ((f['Resources'] as Record<string, unknown>[] | undefined) ?? []).map((r) => r[field]);

/** GetFindings string filters the sandbox evaluates (others are refused, naming them). */
const FILTER_FIELDS: Record<string, Getter> = {
  Id: at('Id'),
  ProductArn: at('ProductArn'),
  GeneratorId: at('GeneratorId'),
  AwsAccountId: at('AwsAccountId'),
  Title: at('Title'),
  Region: at('Region'),
  ProductName: at('ProductName'),
  CompanyName: at('CompanyName'),
  RecordState: at('RecordState'),
  WorkflowStatus: at('Workflow', 'Status'),
  ComplianceStatus: at('Compliance', 'Status'),
  ComplianceSecurityControlId: at('Compliance', 'SecurityControlId'),
  SeverityLabel: at('Severity', 'Label'),
  ResourceId: inResources('Id'),
  ResourceType: inResources('Type'),
};

interface StringFilter {
  Value?: string;
  Comparison?: string;
}

function matchOne(value: unknown, filter: StringFilter): boolean {
  const s = typeof value === 'string' ? value : '';
  const want = filter.Value ?? '';
  switch (filter.Comparison) {
    case 'EQUALS':
      return s === want;
    case 'PREFIX':
      return s.startsWith(want);
    case 'CONTAINS':
      return s.includes(want);
    case 'NOT_EQUALS':
      return s !== want;
    case 'PREFIX_NOT_EQUALS':
      return !s.startsWith(want);
    case 'NOT_CONTAINS':
      return !s.includes(want);
    default:
      throw new ApiError(
        400,
        'InvalidInputException',
        `Comparison ${filter.Comparison} is not supported`,
      );
  }
}

/** Positive comparisons on one field are ORed, negative ones ANDed (GetFindings docs). */
function matches(f: StoredFinding, filters: Record<string, unknown>): boolean {
  for (const [field, list] of Object.entries(filters)) {
    const getter = FILTER_FIELDS[field];
    if (!getter) {
      throw new ApiError(
        400,
        'InvalidInputException',
        `The sandbox does not evaluate the GetFindings filter ${field}`,
      );
    }
    const values = getter(f);
    const all = (list as StringFilter[]) ?? [];
    const negative = all.filter(
      (x) => x.Comparison?.startsWith('NOT_') || x.Comparison === 'PREFIX_NOT_EQUALS',
    );
    const positive = all.filter((x) => !negative.includes(x));
    if (positive.length > 0 && !positive.some((x) => values.some((v) => matchOne(v, x))))
      return false;
    if (!negative.every((x) => values.every((v) => matchOne(v, x)))) return false;
  }
  return true;
}

export const securityHubRoutes: Route[] = [
  awsRestJsonRoute({
    service: 'securityhub',
    operation: 'BatchImportFindings',
    handle: (ctx, model) => {
      if (Buffer.byteLength(ctx.req.body) > MAX_REQUEST_BYTES) {
        throw new ApiError(
          400,
          'InvalidInputException',
          'The request is larger than the 6 MB limit of BatchImportFindings.',
        );
      }
      const body = jsonBody(ctx.req);
      const request = new ModelValidator(model);
      request.check('BatchImportFindingsRequest', { Findings: body['Findings'] }, 'data');
      if (request.errors.length > 0 && !Array.isArray(body['Findings'])) {
        throw new ApiError(400, 'InvalidInputException', request.errors.join('; '));
      }
      const findings = body['Findings'] as unknown[];
      if (findings.length < 1 || findings.length > 100) {
        throw new ApiError(
          400,
          'InvalidInputException',
          `data.Findings should NOT have ${findings.length < 1 ? 'fewer than 1' : 'more than 100'} items`,
        );
      }
      checkProduct(ctx, findings);
      const failed: { Id: string; ErrorCode: string; ErrorMessage: string }[] = [];
      const region = ctx.req.aws?.region ?? 'us-east-1';
      for (const finding of findings) {
        const errors = findingErrors(finding, model);
        const rec = (typeof finding === 'object' && finding !== null ? finding : {}) as Record<
          string,
          unknown
        >;
        const id = typeof rec['Id'] === 'string' ? rec['Id'] : '';
        const rejected =
          errors.length === 0
            ? ctx.state.faults.rejectsFinding(
                { operation: 'securityhub:BatchImportFindings', target: ctx.target },
                id,
              )
            : undefined;
        if (rejected) {
          failed.push({
            Id: id,
            ErrorCode: rejected.errorCode ?? 'InternalException',
            ErrorMessage: 'Security Hub could not import the finding. Try again later.',
          });
        } else if (errors.length > 0) {
          failed.push({
            Id: typeof rec['Id'] === 'string' ? rec['Id'] : '',
            ErrorCode: 'InvalidInput',
            ErrorMessage: `${PREFIX} ${errors.join(', ')}`,
          });
        } else {
          ctx.state.securityHub.upsert(stored(rec, region));
        }
      }
      const imports = ctx.state.securityHub.imports;
      imports.calls += 1;
      imports.success += findings.length - failed.length;
      imports.failed += failed.length;
      return jsonOutput(
        model,
        'BatchImportFindings',
        {
          FailedCount: failed.length,
          SuccessCount: findings.length - failed.length,
          FailedFindings: failed,
        },
        ctx.requestId,
      );
    },
  }),
  awsRestJsonRoute({
    service: 'securityhub',
    operation: 'GetFindings',
    handle: (ctx, model) => {
      const body = jsonBody(ctx.req);
      const max = body['MaxResults'] ?? 100;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100) {
        throw new ApiError(400, 'InvalidInputException', 'data.MaxResults should be <= 100');
      }
      const filters = (body['Filters'] ?? {}) as Record<string, unknown>;
      const account = callerAccount(ctx.state, ctx.req.aws);
      const all = ctx.state.securityHub
        .all()
        .filter(
          (f) =>
            (f['AwsAccountId'] === account || String(f['ProductArn']).includes(`:${account}:`)) &&
            matches(f, filters),
        );
      const p = page(all, body['NextToken'] as string | undefined, max);
      if (!p) throw new ApiError(400, 'InvalidInputException', 'The NextToken is not valid.');
      return jsonOutput(
        model,
        'GetFindings',
        { Findings: p.items, NextToken: p.next },
        ctx.requestId,
      );
    },
  }),
];
