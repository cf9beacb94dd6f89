import { describe, expect, it } from 'vitest';
import { aksPrivateClusterPublicFqdn as check } from '../../../../checks/aks/aks-private-cluster-public-fqdn';
import { statusOf } from '../../../builders/aks';

describe('aks-private-cluster-public-fqdn', () => {
  it('is not applicable to a public cluster (the spec example)', () => {
    expect(statusOf(check)).toBe('not_applicable');
  });
  it('fails a private cluster with a public FQDN, passes one without (unset = false)', () => {
    expect(
      statusOf(check, (c) => {
        c.apiServerAccessProfile = {
          enablePrivateCluster: true,
          enablePrivateClusterPublicFqdn: true,
        };
      }),
    ).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.apiServerAccessProfile = { enablePrivateCluster: true };
      }),
    ).toBe('pass');
  });
});
