import { describe, expect, it } from 'vitest';
import { aksManagedIdentity as check } from '../../../../checks/aks/aks-managed-identity';
import { statusOf } from '../../../builders/aks';

describe('aks-managed-identity', () => {
  it('fails the spec example (service principal "clientid", no identity)', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('passes a system-assigned identity and the msi placeholder', () => {
    expect(
      statusOf(check, (c) => {
        c.identity = { type: 'SystemAssigned' };
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.servicePrincipalProfile = { clientId: 'msi' };
      }),
    ).toBe('pass');
  });
  it('is unknown with neither identity nor service principal in the input', () => {
    expect(
      statusOf(check, (c) => {
        delete c.servicePrincipalProfile;
      }),
    ).toBe('unknown');
  });
});
