import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadDeploymentConfig } from '../../infra/load-config';
import { auditorTemplate, buildApp } from './synth';

const ENTRY = {
  checks: ['eks-endpoint-public-access'],
  reason: 'Office CIDRs only (RISK-142)',
  owner: 'platform-team',
  expires: '2026-12-31',
};

const load = (value: unknown, cwd = tmpdir()) =>
  loadDeploymentConfig({ context: (k) => (k === 'mk8s-audit' ? value : undefined), cwd });

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('deployed mutelist configuration', () => {
  it('reads mutelistFile (YAML) at synth and validates it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk8s-ml-'));
    writeFileSync(
      join(dir, 'mutelist.yaml'),
      'entries:\n  - checks: ["*"]\n    reason: r\n    owner: o\n    expires: 2027-01-31\n',
    );
    const config = load({ mutelistFile: 'mutelist.yaml' }, dir);
    expect(config.mutelist?.entries).toEqual([
      { checks: ['*'], reason: 'r', owner: 'o', expires: '2027-01-31' },
    ]);
    writeFileSync(
      join(dir, 'bad.yaml'),
      'entries:\n  - checks: ["*"]\n    reason: r\n    owner: o\n',
    );
    const message = messageOf(() => load({ mutelistFile: 'bad.yaml' }, dir));
    expect(message).toContain(`mutelistFile: ${join(dir, 'bad.yaml')} is not a valid mutelist:`);
    expect(message).toContain('entries[0].expires: required');
    expect(messageOf(() => load({ mutelistFile: 'nope.yaml' }, dir))).toContain('no such file');
  });

  it('validates an inline mutelist and refuses two sources at once', () => {
    expect(
      messageOf(() => load({ mutelist: { entries: [{ ...ENTRY, expires: undefined }] } })),
    ).toContain('mutelist.entries.0.expires: required');
    expect(
      messageOf(() =>
        load({ mutelist: { entries: [ENTRY] }, audit: { mutelistKey: 'config/m.yaml' } }),
      ),
    ).toContain('give one mutelist');
  });
});

describe('the stack with a mutelist', () => {
  let inline: Template;
  let byKey: Template;
  beforeAll(() => {
    inline = auditorTemplate({ mutelist: { entries: [ENTRY] } });
    byKey = auditorTemplate({
      audit: { mutelistKey: 'config/mutelist.yaml', securityHub: { region: 'eu-west-1' } },
    });
  }, 180_000);

  it('gives the publish function alone the inline mutelist as MUTELIST', () => {
    const template = inline;
    const fns = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('^publish:') },
    });
    const publish = Object.values(fns)[0] as {
      Properties: { Environment: { Variables: Record<string, unknown> } };
    };
    expect(JSON.parse(String(publish.Properties.Environment.Variables['MUTELIST']))).toEqual({
      entries: [ENTRY],
    });
    const others = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { MUTELIST: Match.anyValue() } } },
    });
    expect(Object.keys(others)).toHaveLength(1);
  });

  it('refuses a mutelist too large for the function environment, pointing at mutelistKey', () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({
      ...ENTRY,
      reason: `${'x'.repeat(80)} ${i}`,
    }));
    expect(() => buildApp({ mutelist: { entries } })).toThrow(/set audit.mutelistKey instead/);
  });

  it('lets publish read exactly the mutelistKey object of the findings bucket', () => {
    const policies = byKey.findResources('AWS::IAM::Policy');
    const publish = Object.entries(policies).find(([id]) => id.includes('PublishPolicy'));
    expect(publish).toBeDefined();
    const resource = publish?.[1] as { Properties: { PolicyDocument: unknown } } | undefined;
    const document = JSON.stringify(resource?.Properties.PolicyDocument);
    expect(document).toMatch(
      /\{"Action":"s3:GetObject","Effect":"Allow","Resource":\{"Fn::Join":\["",\[\{"Fn::GetAtt":\["FindingsBucket\w+","Arn"\]\},"\/config\/mutelist\.yaml"\]\]\}\}/,
    );
  });

  it('deploys the Security Hub automation rules: suppress muted findings, reopen expired ones', () => {
    const rules = Object.values(inline.findResources('AWS::SecurityHub::AutomationRule')) as {
      Properties: Record<string, unknown>;
      Condition?: string;
    }[];
    expect(rules).toHaveLength(2);
    const [suppress, reopen] = rules;
    expect(suppress?.Properties).toMatchObject({
      RuleOrder: 1,
      RuleStatus: 'ENABLED',
      Criteria: {
        ProductName: [{ Value: 'mk8s-audit', Comparison: 'EQUALS' }],
        ResourceDetailsOther: [{ Key: 'mk8s-audit/muted', Value: 'true', Comparison: 'EQUALS' }],
      },
      Actions: [
        {
          Type: 'FINDING_FIELDS_UPDATE',
          FindingFieldsUpdate: {
            Workflow: { Status: 'SUPPRESSED' },
            Note: { UpdatedBy: 'mk8s-audit mutelist' },
          },
        },
      ],
    });
    expect(reopen?.Properties).toMatchObject({
      RuleOrder: 2,
      Criteria: {
        ResourceDetailsOther: [{ Key: 'mk8s-audit/muted', Value: 'expired', Comparison: 'EQUALS' }],
        WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'EQUALS' }],
      },
      Actions: [{ FindingFieldsUpdate: { Workflow: { Status: 'NEW' } } }],
    });
    expect(suppress?.Condition).toBeUndefined();
  });

  it('creates the rules only in the Security Hub Region when findings go to another one', () => {
    const rules = Object.values(byKey.findResources('AWS::SecurityHub::AutomationRule')) as {
      Condition?: string;
    }[];
    expect(rules).toHaveLength(2);
    const condition = rules[0]?.Condition ?? '';
    expect(byKey.toJSON()['Conditions'][condition]).toEqual({
      'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'],
    });
  });
});
