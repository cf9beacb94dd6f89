import { describe, expect, it } from 'vitest';
import { aksTags as check } from '../../../../checks/aks/aks-tags';
import {
  aksCluster,
  aksContext,
  aksSnapshot,
  evaluateAksOne,
  statusOf,
} from '../../../builders/aks';

describe('aks-tags', () => {
  it('passes the tagged spec example, fails an untagged cluster', () => {
    expect(statusOf(check)).toBe('pass');
    expect(
      statusOf(check, (c) => {
        delete c.tags;
      }),
    ).toBe('fail');
  });
  it('requires the configured tag keys, compared case-insensitively', () => {
    const ctx = aksContext(undefined, (cfg) => {
      cfg.aks.requiredTags = ['Tier', 'owner'];
    });
    const r = evaluateAksOne(check, aksSnapshot(aksCluster()), ctx);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('owner');
    expect(r.message).not.toContain('Tier');
  });
});
