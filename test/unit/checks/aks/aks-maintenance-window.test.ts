import { describe, expect, it } from 'vitest';
import { aksMaintenanceWindow as check } from '../../../../checks/aks/aks-maintenance-window';
import { collected } from '../../../../core/snapshot';
import { aksSnapshot, evaluateAksOne } from '../../../builders/aks';

const status = (names: string[]) =>
  evaluateAksOne(
    check,
    aksSnapshot(undefined, {
      maintenanceConfigurations: collected(
        names.map((name) => ({ name })),
        ['containerservice:MaintenanceConfigurations.ListByManagedCluster'],
      ),
    }),
  ).status;

describe('aks-maintenance-window', () => {
  it('passes with a configuration, fails with none', () => {
    expect(status(['aksManagedAutoUpgradeSchedule'])).toBe('pass');
    expect(status([])).toBe('fail');
  });
  it('is unknown offline', () => {
    expect(evaluateAksOne(check, aksSnapshot()).status).toBe('unknown');
  });
});
