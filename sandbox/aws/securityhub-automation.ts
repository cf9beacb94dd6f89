import { randomUUID } from 'node:crypto';
import { ApiError } from '../api-error';
import type { Route } from '../route';
import { callerAccount } from './caller';
import { ModelValidator } from './model-validate';
import { awsRestJsonRoute, jsonBody, jsonOutput } from './protocol';
import type { StoredFinding } from './securityhub-store';

/**
 * Security Hub automation rules (CreateAutomationRule, validated against the model) applied to
 * every finding BatchImportFindings creates or updates, in RuleOrder, as the service does; and
 * the customer-owned fields besides the workflow that a provider's update cannot change (Note,
 * UserDefinedFields, VerificationState: "Finding providers cannot update these fields after
 * the finding is created", BatchImportFindings docs).
 */

interface StringFilter {
  Value?: string;
  Comparison?: string;
}
interface MapFilter extends StringFilter {
  Key?: string;
}
export interface AutomationRule {
  RuleArn: string;
  RuleName: string;
  RuleOrder: number;
  RuleStatus: string;
  IsTerminal: boolean;
  Criteria: Record<string, (StringFilter | MapFilter)[]>;
  Actions: { Type: string; FindingFieldsUpdate?: Record<string, unknown> }[];
}

type Values = (f: StoredFinding, key?: string) => unknown[];
const at =
  (...path: string[]): Values =>
  (f) => {
    let v: unknown = f;
    for (const p of path)
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
    return [v];
  };
const resources = (f: StoredFinding) =>
  (f['Resources'] as Record<string, unknown>[] | undefined) ?? [];

/** The criteria the sandbox evaluates; a rule with any other is refused when it is created. */
const CRITERIA: Record<string, Values> = {
  ProductArn: at('ProductArn'),
  ProductName: at('ProductName'),
  AwsAccountId: at('AwsAccountId'),
  GeneratorId: at('GeneratorId'),
  Id: at('Id'),
  Title: at('Title'),
  RecordState: at('RecordState'),
  WorkflowStatus: at('Workflow', 'Status'),
  ComplianceStatus: at('Compliance', 'Status'),
  ComplianceSecurityControlId: at('Compliance', 'SecurityControlId'),
  SeverityLabel: at('Severity', 'Label'),
  ResourceType: (f) => resources(f).map((r) => r['Type']),
  ResourceId: (f) => resources(f).map((r) => r['Id']),
  ResourceDetailsOther: (f, key) =>
    resources(f).map((r) => {
      const other = (r['Details'] as Record<string, unknown> | undefined)?.['Other'];
      return typeof other === 'object' && other !== null && key !== undefined
        ? (other as Record<string, unknown>)[key]
        : undefined;
    }),
};

function compare(value: unknown, filter: StringFilter): boolean {
  const s = typeof value === 'string' ? value : undefined;
  const want = filter.Value ?? '';
  switch (filter.Comparison) {
    case 'EQUALS':
      return s === want;
    case 'PREFIX':
      return s?.startsWith(want) ?? false;
    case 'CONTAINS':
      return s?.includes(want) ?? false;
    case 'NOT_EQUALS':
      return s !== want;
    case 'PREFIX_NOT_EQUALS':
      return !(s?.startsWith(want) ?? false);
    case 'NOT_CONTAINS':
      return !(s?.includes(want) ?? false);
    default:
      return false;
  }
}

const negative = (f: StringFilter) =>
  f.Comparison?.startsWith('NOT_') === true || f.Comparison === 'PREFIX_NOT_EQUALS';

/** Positive filters on a field are ORed, negative ones ANDed; fields are ANDed. */
export function ruleMatches(rule: AutomationRule, finding: StoredFinding): boolean {
  return Object.entries(rule.Criteria).every(([field, filters]) => {
    const values = CRITERIA[field];
    if (!values) return false;
    const pos = filters.filter((x) => !negative(x));
    const neg = filters.filter(negative);
    const okPos =
      pos.length === 0 ||
      pos.some((x) => values(finding, (x as MapFilter).Key).some((v) => compare(v, x)));
    const okNeg = neg.every((x) =>
      values(finding, (x as MapFilter).Key).every((v) => compare(v, x)),
    );
    return okPos && okNeg;
  });
}

/** The finding after the enabled rules that match it, in RuleOrder (a terminal rule stops). */
export function applyRules(
  finding: StoredFinding,
  rules: readonly AutomationRule[],
  now: string,
): StoredFinding {
  let out = finding;
  const ordered = [...rules]
    .filter((r) => r.RuleStatus === 'ENABLED')
    .sort((a, b) => a.RuleOrder - b.RuleOrder);
  for (const rule of ordered) {
    if (!ruleMatches(rule, out)) continue;
    for (const action of rule.Actions) {
      const update = action.FindingFieldsUpdate ?? {};
      const workflow = update['Workflow'] as { Status?: string } | undefined;
      const note = update['Note'] as { Text?: string; UpdatedBy?: string } | undefined;
      out = {
        ...out,
        ...(workflow?.Status
          ? { Workflow: { Status: workflow.Status }, WorkflowState: workflow.Status }
          : {}),
        ...(note ? { Note: { Text: note.Text, UpdatedBy: note.UpdatedBy, UpdatedAt: now } } : {}),
      };
    }
    if (rule.IsTerminal) break;
  }
  return out;
}

/** Customer-owned fields besides the workflow (which the store handles with its transitions). */
const CUSTOMER_FIELDS = ['Note', 'UserDefinedFields', 'VerificationState'];

/** A provider's update keeps the customer-owned fields of the finding it replaces. */
export function keepCustomerFields(updated: StoredFinding, previous: StoredFinding): StoredFinding {
  const out: StoredFinding = { ...updated };
  for (const field of CUSTOMER_FIELDS) {
    if (previous[field] === undefined) delete out[field];
    else out[field] = previous[field];
  }
  return out;
}

export const automationRuleRoutes: Route[] = [
  awsRestJsonRoute({
    service: 'securityhub',
    operation: 'CreateAutomationRule',
    handle: (ctx, model) => {
      const body = jsonBody(ctx.req);
      const validator = new ModelValidator(model);
      validator.check('CreateAutomationRuleRequest', body, 'data');
      if (validator.errors.length > 0) {
        throw new ApiError(400, 'InvalidInputException', validator.errors.join('; '));
      }
      const criteria = (body['Criteria'] ?? {}) as AutomationRule['Criteria'];
      const unknown = Object.keys(criteria).filter((k) => !CRITERIA[k]);
      if (unknown.length > 0) {
        throw new ApiError(
          400,
          'InvalidInputException',
          `The sandbox does not evaluate the automation rule criteria ${unknown.join(', ')}`,
        );
      }
      const rules = ctx.state.securityHub.automationRules;
      if (rules.length >= 100) {
        throw new ApiError(400, 'LimitExceededException', 'There can be at most 100 rules.');
      }
      const region = ctx.req.aws?.region ?? 'us-east-1';
      const RuleArn = `arn:aws:securityhub:${region}:${callerAccount(ctx.state, ctx.req.aws)}:automation-rule/${randomUUID()}`;
      rules.push({
        RuleArn,
        RuleName: String(body['RuleName']),
        RuleOrder: Number(body['RuleOrder']),
        RuleStatus: String(body['RuleStatus'] ?? 'ENABLED'),
        IsTerminal: body['IsTerminal'] === true,
        Criteria: criteria,
        Actions: (body['Actions'] ?? []) as AutomationRule['Actions'],
      });
      return jsonOutput(model, 'CreateAutomationRule', { RuleArn }, ctx.requestId);
    },
  }),
];
