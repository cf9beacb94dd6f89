import { describe, expect, it } from 'vitest';
import { aksSupportedVersion as check } from '../../../../checks/aks/aks-supported-version';
import { collected, failed } from '../../../../core/snapshot';
import type { AksKubernetesVersion } from '../../../../core/snapshot-aks';
import {
  aksCluster,
  aksContext,
  aksSnapshot,
  evaluateAksOne,
  type MutableCluster,
} from '../../../builders/aks';

/** `ManagedClusters_ListKubernetesVersions` values (KubernetesVersion model, 2026-07-01). */
const LIVE: AksKubernetesVersion[] = [
  { version: '1.27', capabilities: { supportPlan: ['AKSLongTermSupport'] } },
  { version: '1.32', capabilities: { supportPlan: ['KubernetesOfficial', 'AKSLongTermSupport'] } },
  { version: '1.33', isDefault: true, capabilities: { supportPlan: ['KubernetesOfficial'] } },
  { version: '1.34', isPreview: true, capabilities: { supportPlan: ['KubernetesOfficial'] } },
];
const on = (version: string, plan?: string) => (c: MutableCluster) => {
  c.currentKubernetesVersion = version;
  if (plan) c.supportPlan = plan;
};
const live = (change: (c: MutableCluster) => void) =>
  evaluateAksOne(
    check,
    aksSnapshot(aksCluster(change), {
      kubernetesVersions: collected(LIVE, [
        'containerservice:ManagedClusters.ListKubernetesVersions',
      ]),
    }),
  );

describe('aks-supported-version (live versions API)', () => {
  it('passes a listed version under the cluster plan', () => {
    expect(live(on('1.33.2')).status).toBe('pass');
  });
  it('fails a version the region no longer lists (the spec example, 1.9.6), and a preview', () => {
    expect(live(() => {}).status).toBe('fail');
    expect(live(on('1.34.0')).status).toBe('fail');
  });
  it('honours the LTS plan: 1.27 is supported only under AKSLongTermSupport', () => {
    expect(live(on('1.27.9')).status).toBe('fail');
    expect(live(on('1.27.9', 'AKSLongTermSupport')).status).toBe('pass');
  });
});

describe('aks-supported-version (dated calendar, offline)', () => {
  const offline = (change: (c: MutableCluster) => void, now = '2026-11-28T00:00:00Z') =>
    evaluateAksOne(check, aksSnapshot(aksCluster(change)), aksContext(now));
  it('passes before the end of community support and fails after it', () => {
    expect(offline(on('1.33.1'), '2026-06-01T00:00:00Z').status).toBe('pass');
    expect(offline(on('1.33.1'), '2026-07-01T00:00:00Z').status).toBe('fail');
  });
  it('uses the LTS date for an LTS cluster, unknown when the calendar has none', () => {
    expect(offline(on('1.30.5', 'AKSLongTermSupport'), '2026-01-10T00:00:00Z').status).toBe('pass');
    expect(offline(on('1.30.5'), '2026-01-10T00:00:00Z').status).toBe('fail');
    expect(offline(on('1.31.1', 'AKSLongTermSupport'), '2026-01-10T00:00:00Z').status).toBe(
      'unknown',
    );
  });
  it('fails a version older than the calendar, is unknown for one newer than it', () => {
    expect(offline(() => {}).status).toBe('fail');
    const r = offline(on('1.35.0'));
    expect(r.status).toBe('unknown');
    expect(r.message).toContain('aks.versionCalendar');
  });
  it('falls back to the calendar when the live call failed, and says so', () => {
    const r = evaluateAksOne(
      check,
      aksSnapshot(aksCluster(on('1.33.1')), {
        kubernetesVersions: failed([
          {
            operation: 'containerservice:ManagedClusters.ListKubernetesVersions',
            code: '429',
            message: 'throttled',
          },
        ]),
      }),
      aksContext('2026-11-28T00:00:00Z'),
    );
    expect(r.status).toBe('fail');
    expect(r.message).toContain('AKS calendar');
  });
  it('is unknown without any version', () => {
    expect(
      offline((c) => {
        delete c.currentKubernetesVersion;
        delete c.kubernetesVersion;
      }).status,
    ).toBe('unknown');
  });
});
