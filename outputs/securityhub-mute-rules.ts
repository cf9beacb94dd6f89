import type { CreateAutomationRuleRequest } from '@aws-sdk/client-securityhub';

/**
 * How a muted result reaches Security Hub, and the automation rules that act on it.
 *
 * A finding covered by a mutelist entry carries ProductFields `mk8s-audit/muted` (`true` while
 * the entry is in force, `expired` after it) with `-reason`, `-owner`, `-expires` and `-entry`,
 * for people and SIEMs. Automation rules cannot filter on ProductFields (the service model's
 * `AutomationRulesFindingFilters` has no such member), so the cluster resource repeats the
 * marker in `Details.Other` (`ResourceDetailsOther`, which rules can filter on).
 *
 * Rule 1 sets the workflow of muted findings to SUPPRESSED. A rule's note is one fixed text for
 * every finding it matches (its actions have no per-finding values), so the note points at the
 * ProductFields that hold the entry's reason, owner and expiry; one rule per entry would need a
 * redeploy for every mutelist change and count against the 100 rules of a Region.
 *
 * Rule 2 reopens (NEW) a SUPPRESSED finding whose entry has expired: a provider cannot change
 * the workflow itself, and Security Hub keeps SUPPRESSED across updates. The re-import happens
 * because the finding's content changed (`muted` went from `true` to `expired`).
 */
export const MUTED_FIELD = 'mk8s-audit/muted';
export const MUTED_REASON_FIELD = 'mk8s-audit/muted-reason';
export const MUTED_OWNER_FIELD = 'mk8s-audit/muted-owner';
export const MUTED_EXPIRES_FIELD = 'mk8s-audit/muted-expires';
export const MUTED_ENTRY_FIELD = 'mk8s-audit/muted-entry';

/** `true` while the entry is in force, `expired` after its day. */
export type MutedValue = 'true' | 'expired';

export const MUTE_NOTE =
  'Accepted risk in the mk8s-audit mutelist: ProductFields mk8s-audit/muted-reason, mk8s-audit/muted-owner and mk8s-audit/muted-expires say why, who accepted it and its last day (UTC).';
export const EXPIRED_NOTE =
  'The mk8s-audit mutelist entry for this finding has expired (ProductFields mk8s-audit/muted-expires): it is open again.';
const UPDATED_BY = 'mk8s-audit mutelist';
/** The ASFF `ProductName` of every mk8s-audit finding. */
export const PRODUCT_NAME = 'mk8s-audit';

/**
 * The two rules. They match on ProductName `mk8s-audit` (which the ASFF mapping sets) rather
 * than the importing account's ProductArn, so that rules of a Security Hub administrator also
 * match its member accounts' findings (EKS findings imported into their own account). The
 * stack deploys them as AWS::SecurityHub::AutomationRule (same property names as
 * CreateAutomationRule).
 */
export function muteAutomationRules(): CreateAutomationRuleRequest[] {
  const product = [{ Value: PRODUCT_NAME, Comparison: 'EQUALS' as const }];
  return [
    {
      RuleName: 'mk8s-audit: suppress muted findings',
      RuleOrder: 1,
      RuleStatus: 'ENABLED',
      IsTerminal: false,
      Description:
        'Findings that an mk8s-audit mutelist entry covers (an accepted risk with an owner, a reason and an expiry) are set to SUPPRESSED.',
      Criteria: {
        ProductName: product,
        ResourceDetailsOther: [{ Key: MUTED_FIELD, Value: 'true', Comparison: 'EQUALS' }],
      },
      Actions: [
        {
          Type: 'FINDING_FIELDS_UPDATE',
          FindingFieldsUpdate: {
            Workflow: { Status: 'SUPPRESSED' },
            Note: { Text: MUTE_NOTE, UpdatedBy: UPDATED_BY },
          },
        },
      ],
    },
    {
      RuleName: 'mk8s-audit: reopen findings whose exception expired',
      RuleOrder: 2,
      RuleStatus: 'ENABLED',
      IsTerminal: false,
      Description:
        'A suppressed mk8s-audit finding whose mutelist entry has expired is set back to NEW.',
      Criteria: {
        ProductName: product,
        ResourceDetailsOther: [{ Key: MUTED_FIELD, Value: 'expired', Comparison: 'EQUALS' }],
        WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'EQUALS' }],
      },
      Actions: [
        {
          Type: 'FINDING_FIELDS_UPDATE',
          FindingFieldsUpdate: {
            Workflow: { Status: 'NEW' },
            Note: { Text: EXPIRED_NOTE, UpdatedBy: UPDATED_BY },
          },
        },
      ],
    },
  ];
}
