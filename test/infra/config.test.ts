import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadDeploymentConfig } from '../../infra/load-config';

function fromContext(value: unknown) {
  return () =>
    loadDeploymentConfig({
      context: (k) => (k === 'mk8s-audit' ? value : undefined),
      cwd: tmpdir(),
    });
}

describe('deployment configuration', () => {
  it('has working defaults: daily at 03:00 UTC, member role mk8s-audit-read', () => {
    const config = fromContext(undefined)();
    expect(config.schedule).toEqual({ cron: '0 3 * * ? *', timeZone: 'UTC', enabled: true });
    expect(config.maxConcurrency).toBe(10);
    // A deployment imports to Security Hub and requires an external id, unlike a local run.
    expect(config.audit.input).toEqual({
      aws: { externalId: 'mk8s-audit' },
      securityHub: { enabled: true },
    });
    expect(config.audit.config.aws.memberRoleName).toBe('mk8s-audit-read');
    expect(config.audit.config.securityHub.enabled).toBe(true);
  });

  it('validates the audit part with the run configuration schema, keeping what was written', () => {
    const config = fromContext({
      audit: {
        aws: { accounts: ['111122223333'], regions: ['eu-west-1'], externalId: 'x-1' },
        securityHub: { enabled: false },
      },
    })();
    expect(config.audit.input).toEqual({
      aws: { accounts: ['111122223333'], regions: ['eu-west-1'], externalId: 'x-1' },
      securityHub: { enabled: false },
    });
    expect(config.audit.config.aws.regions).toEqual(['eu-west-1']);
    expect(config.audit.config.checks.eks.openCidrMinPrefix).toBe(8);
  });

  it('reads mk8s-audit.config.json from the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk8s-config-'));
    writeFileSync(
      join(dir, 'mk8s-audit.config.json'),
      JSON.stringify({ maxConcurrency: 3, auditorAccountId: '123456789012' }),
    );
    const config = loadDeploymentConfig({ context: () => undefined, cwd: dir });
    expect(config.maxConcurrency).toBe(3);
    expect(config.auditorAccountId).toBe('123456789012');
  });

  it('takes the context value as an object or as JSON text', () => {
    expect(fromContext({ maxConcurrency: 7 })().maxConcurrency).toBe(7);
    expect(fromContext('{"maxConcurrency":8}')().maxConcurrency).toBe(8);
  });

  it.each([
    [{ auditorAccountId: '12345' }, /auditorAccountId: must be a 12-digit AWS account id/],
    [{ auditorAccountId: 123456789012 }, /auditorAccountId: /],
    [{ schedule: { cron: '0 3 * * *' } }, /schedule\.cron: has 5 fields; write six fields/],
    [
      { schedule: { cron: '0 3 * * MON *' } },
      /schedule\.cron: exactly one of day-of-month .* must be "\?"/,
    ],
    [{ schedule: { cron: '0 3 * * ? * ;' } }, /schedule\.cron: has 7 fields/],
    [{ schedule: { timeZone: 'Mars/Olympus' } }, /schedule\.timeZone: must be an IANA time zone/],
    [{ maxConcurrency: 0 }, /maxConcurrency: /],
    [{ alarmEmail: 'not-an-address' }, /alarmEmail: must be an e-mail address/],
    [{ logRetentionDays: 100 }, /logRetentionDays: must be one of 1, 3, 5/],
    [
      { findings: { expireAfterDays: 10 } },
      /findings\.expireAfterDays: must be greater than infrequentAccessAfterDays/,
    ],
    [{ auditorRoleName: 'has spaces' }, /auditorRoleName: must be an IAM role name/],
    [
      { audit: { aws: { accounts: ['1234'] } } },
      /audit\.aws\.accounts\.0: a 12-digit AWS account id/,
    ],
    [
      { audit: { aws: { accounts: ['111122223333'], regions: ['Frankfurt'] } } },
      /audit\.aws\.regions\.0: an AWS region such as/,
    ],
    [
      { audit: { aws: { accounts: ['111122223333'] } } },
      /audit\.aws\.regions: list the regions to audit/,
    ],
    [{ audit: { gcp: { projectz: [] } } }, /audit\.gcp: Unrecognized key.*"projectz"/],
    [
      {
        audit: {
          aws: {
            accounts: Array.from({ length: 300 }, (_, i) => String(100000000000 + i)),
            regions: ['eu-west-1'],
          },
        },
      },
      /audit: is \d+ bytes as JSON; .* set aws\.organization to true/,
    ],
    [{ maxConcurency: 5 }, /Unrecognized key.*"maxConcurency"/],
    [{ schedule: { cronn: '0 3 * * ? *' } }, /schedule: Unrecognized key.*"cronn"/],
  ])('stops with a message naming the key and the fix: %j', (value, message) => {
    const load = fromContext(value);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
    expect(load).toThrow(/Invalid mk8s-audit configuration in context "mk8s-audit"/);
  });

  it('names the file when the file is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk8s-config-'));
    writeFileSync(join(dir, 'mk8s-audit.config.json'), '{ maxConcurrency: 3 ');
    expect(() => loadDeploymentConfig({ context: () => undefined, cwd: dir })).toThrow(
      /mk8s-audit\.config\.json: not valid JSON/,
    );
  });
});
