import { describe, expect, it } from 'vitest';
import { aksDefenderPlan as check } from '../../../../checks/aks/aks-defender-plan';
import { collected } from '../../../../core/snapshot';
import type { AzureDefenderPricing } from '../../../../core/snapshot-aks';
import { aksSnapshot, evaluateAksOne } from '../../../builders/aks';

/** `GET /subscriptions/{s}/providers/Microsoft.Security/pricings/Containers` (2024-01-01). */
function pricing(
  tier: string,
  extensions: { name: string; isEnabled: string }[] = [],
): AzureDefenderPricing {
  return {
    id: '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Security/pricings/Containers',
    name: 'Containers',
    properties: { pricingTier: tier, extensions },
  };
}
const status = (p: AzureDefenderPricing) =>
  evaluateAksOne(
    check,
    aksSnapshot(undefined, { defenderPricing: collected(p, ['security:Pricings.Get']) }),
  ).status;

describe('aks-defender-plan', () => {
  it('passes Standard with its components on', () => {
    expect(status(pricing('Standard', [{ name: 'ContainerSensor', isEnabled: 'True' }]))).toBe(
      'pass',
    );
  });
  it('fails Free, and Standard with a component off', () => {
    expect(status(pricing('Free'))).toBe('fail');
    expect(
      status(
        pricing('Standard', [
          { name: 'ContainerRegistriesVulnerabilityAssessments', isEnabled: 'False' },
        ]),
      ),
    ).toBe('fail');
  });
  it('is unknown offline', () => {
    expect(evaluateAksOne(check, aksSnapshot()).status).toBe('unknown');
  });
});
