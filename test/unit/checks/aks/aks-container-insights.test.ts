import { describe, expect, it } from 'vitest';
import { aksContainerInsights as check } from '../../../../checks/aks/aks-container-insights';
import { aksCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/ws1';

describe('aks-container-insights', () => {
  it('fails without the omsagent add-on', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('finds the add-on under omsagent and omsAgent alike (Steampipe reads only omsAgent)', () => {
    for (const key of ['omsagent', 'omsAgent', 'OMSAGENT']) {
      const r = evaluateAksOne(
        check,
        aksSnapshot(
          aksCluster((c) => {
            c.addonProfiles = {
              [key]: { enabled: true, config: { logAnalyticsWorkspaceResourceID: WS } },
            };
          }),
        ),
      );
      expect(r.status, key).toBe('pass');
      expect(r.evidence[1]?.path).toBe(
        `cluster.addonProfiles.${key}.config.logAnalyticsWorkspaceResourceID`,
      );
    }
  });
  it('fails an enabled add-on without a workspace, and a disabled one', () => {
    expect(
      statusOf(check, (c) => {
        c.addonProfiles = { omsagent: { enabled: true } };
      }),
    ).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.addonProfiles = {
          omsAgent: { enabled: false, config: { logAnalyticsWorkspaceResourceID: WS } },
        };
      }),
    ).toBe('fail');
  });
});
