import { describe, expect, it } from 'vitest';
import { aksManagedPrometheus as check } from '../../../../checks/aks/aks-managed-prometheus';
import { statusOf } from '../../../builders/aks';

describe('aks-managed-prometheus', () => {
  it('fails without azureMonitorProfile, passes with metrics on', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.azureMonitorProfile = { metrics: { enabled: true } };
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.azureMonitorProfile = { metrics: { enabled: false } };
      }),
    ).toBe('fail');
  });
});
