import { describe, expect, it } from 'vitest';
import { parseRunConfig, RunConfigError } from '../../../pipeline/run-config';

describe('run config', () => {
  it('fills every default from an empty object', () => {
    const config = parseRunConfig({});
    expect(config.aws).toMatchObject({
      accounts: [],
      regions: [],
      organization: false,
      memberRoleName: 'mk8s-audit-read',
    });
    expect(config.securityHub).toEqual({
      enabled: false,
      mode: 'owner-account',
      refreshAfterDays: 7,
    });
    expect(config.concurrency).toBe(4);
    expect(config.checks.eks.openCidrMinPrefix).toBe(8);
  });

  it('names an unknown key', () => {
    expect(() =>
      parseRunConfig({ aws: { acounts: ['111122223333'] } }, 'mk8s-audit.config.json'),
    ).toThrow(/mk8s-audit\.config\.json is not valid:\naws: Unrecognized key: "acounts"/);
  });

  it('names a bad account id, region, project and subscription', () => {
    let message = '';
    try {
      parseRunConfig({
        aws: { accounts: ['1234'], regions: ['Europe'] },
        gcp: { projects: ['X'] },
        azure: { subscriptions: ['nope'] },
      });
    } catch (error) {
      expect(error).toBeInstanceOf(RunConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('aws.accounts.0: a 12-digit AWS account id');
    expect(message).toContain('aws.regions.0: an AWS region');
    expect(message).toContain('gcp.projects.0: a GCP project id');
    expect(message).toContain('azure.subscriptions.0: an Azure subscription id');
  });

  it('refuses accounts without regions', () => {
    expect(() => parseRunConfig({ aws: { accounts: ['111122223333'] } })).toThrow(
      /aws\.regions: list the regions to audit/,
    );
    expect(
      parseRunConfig({ aws: { accounts: ['111122223333'], allEnabledRegions: true } }).aws
        .allEnabledRegions,
    ).toBe(true);
  });
});
