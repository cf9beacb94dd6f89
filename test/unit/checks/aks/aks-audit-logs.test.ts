import { describe, expect, it } from 'vitest';
import { aksAuditLogs as check } from '../../../../checks/aks/aks-audit-logs';
import { collected, failed } from '../../../../core/snapshot';
import type { AzureDiagnosticSetting } from '../../../../core/snapshot-aks';
import { aksSnapshot, evaluateAksOne } from '../../../builders/aks';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/ws1';
/** A diagnostic setting as `GET {cluster}/providers/Microsoft.Insights/diagnosticSettings` lists it. */
function setting(
  logs: NonNullable<NonNullable<AzureDiagnosticSetting['properties']>['logs']>,
  dest: Record<string, string> = { workspaceId: WS },
): AzureDiagnosticSetting {
  return {
    id: 'x/providers/microsoft.insights/diagnosticSettings/s1',
    name: 's1',
    properties: { ...dest, logs },
  };
}
const status = (settings: AzureDiagnosticSetting[]) =>
  evaluateAksOne(
    check,
    aksSnapshot(undefined, {
      diagnosticSettings: collected(settings, ['insights:DiagnosticSettings.List']),
    }),
  ).status;

describe('aks-audit-logs', () => {
  it('passes kube-audit or kube-audit-admin sent to a workspace', () => {
    expect(status([setting([{ category: 'kube-audit-admin', enabled: true }])])).toBe('pass');
    expect(
      status([setting([{ category: 'kube-audit', enabled: true }], { storageAccountId: '/sa' })]),
    ).toBe('pass');
  });
  it('does not count other categories, disabled entries or a setting without destination', () => {
    expect(
      status([
        setting([
          { category: 'kube-apiserver', enabled: true },
          { category: 'guard', enabled: true },
        ]),
      ]),
    ).toBe('fail');
    expect(status([setting([{ category: 'kube-audit', enabled: false }])])).toBe('fail');
    expect(status([setting([{ category: 'kube-audit', enabled: true }], {})])).toBe('fail');
    expect(status([])).toBe('fail');
  });
  it('counts the audit and allLogs category groups, which contain kube-audit', () => {
    expect(status([setting([{ categoryGroup: 'allLogs', enabled: true }])])).toBe('pass');
  });
  it('is unknown when diagnostic settings could not be read, and for an export', () => {
    const r = evaluateAksOne(
      check,
      aksSnapshot(undefined, {
        diagnosticSettings: failed([
          {
            operation: 'insights:DiagnosticSettings.List',
            code: 'AuthorizationFailed',
            message: 'no access',
          },
        ]),
      }),
    );
    expect(r.status).toBe('unknown');
    expect(r.message).toContain('insights:DiagnosticSettings.List failed with AuthorizationFailed');
    expect(evaluateAksOne(check, aksSnapshot()).status).toBe('unknown');
  });
});
