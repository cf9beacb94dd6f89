import { describe, expect, it } from 'vitest';
import { outboundIssuer } from '../../../sandbox/aws/outbound-identity';
import type { EstateInput } from '../../../sandbox/estate';
import { aksEstate, SUB } from '../azure/aks-estate';
import { auditTargetHarness } from './audit-target-harness';
import { AUDITOR_ACCOUNT, AUDITOR_ROLE_ARN, CLIENT, TENANT } from './federation-estate';

const audit = auditTargetHarness();

/** The AKS estate, the auditor account, and an app whose federated credential trusts the role. */
function estate(opts: { federationEnabled?: boolean } = {}): EstateInput {
  const base = aksEstate();
  const azure = base.azure as NonNullable<EstateInput['azure']>;
  return {
    ...base,
    aws: {
      callerAccount: AUDITOR_ACCOUNT,
      accounts: {
        [AUDITOR_ACCOUNT]: { outboundWebIdentityFederation: opts.federationEnabled ?? true },
      },
    },
    azure: {
      ...azure,
      tenantId: TENANT,
      federatedCredentials: [
        { clientId: CLIENT, issuer: outboundIssuer(AUDITOR_ACCOUNT), subject: AUDITOR_ROLE_ARN },
      ],
    },
  };
}

function auditAzure(
  opts: { roleName?: string; clientId?: string; federationEnabled?: boolean } = {},
) {
  return audit({
    estate: estate(opts),
    config: (url) => ({
      azure: {
        subscriptions: [SUB],
        credentials: {
          source: 'workload-identity',
          tenantId: TENANT,
          clientId: opts.clientId ?? CLIENT,
          authorityHost: url,
        },
      },
    }),
    target: { cloud: 'azure', subscription: SUB },
    ...(opts.roleName === undefined ? {} : { roleName: opts.roleName }),
  });
}

describe('Azure workload identity federation from the audit-target function, through @azure/identity', () => {
  it('gets an RS256 token from STS GetWebIdentityToken, exchanges it at Entra as a client assertion and audits the subscription', async () => {
    const { sb, result } = await auditAzure();
    expect(result.target).toEqual({ cloud: 'azure', subscription: SUB });
    expect(result.clusters).toBeGreaterThan(0);
    expect(result.findings).toBeGreaterThan(0);
    expect(JSON.stringify(result.errors)).not.toMatch(/AADSTS|authentication/i);
    expect(sb.counters.get('sts:GetWebIdentityToken')).toBe(1);
    expect(sb.counters.get('entra:Token')).toBe(1);
    // Every ARM call carried the app's Entra token.
    expect(sb.state.federation.callers()).toEqual([`app:${CLIENT}`]);
  });

  it('a role the federated credential does not name gets no Entra token: the target fails with AADSTS700213', async () => {
    const { sb, result } = await auditAzure({ roleName: 'some-other-role' });
    expect(result.status).toBe('failed');
    expect(JSON.stringify(result.errors)).toContain('AADSTS700213');
    expect(sb.state.federation.callers()).toEqual([]);
  });

  it('an app without a federated credential is refused the same way', async () => {
    const { result } = await auditAzure({ clientId: 'dddddddd-0000-0000-0000-000000000000' });
    expect(result.status).toBe('failed');
    expect(JSON.stringify(result.errors)).toContain('AADSTS700213');
  });

  it('an account without outbound federation enabled fails the target, naming the cause', async () => {
    const { result } = await auditAzure({ federationEnabled: false });
    expect(result.status).toBe('failed');
    expect(JSON.stringify(result.errors)).toContain('OutboundWebIdentityFederationDisabled');
  });
});
