import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { memberRoleActions } from '../../providers/aws/permissions';
import { buildApp } from './synth';

describe('Mk8sAuditMemberRoleStack', () => {
  const { member } = buildApp({
    auditorAccountId: '111122223333',
    audit: { aws: { externalId: 'acme-audit-7' } },
  });
  const template = Template.fromStack(member);
  const roles = Object.values(template.findResources('AWS::IAM::Role'));

  it('creates only the read role, named mk8s-audit-read', () => {
    expect(Object.keys(template.toJSON()['Resources'])).toHaveLength(1);
    expect(roles[0]?.['Properties']['RoleName']).toBe('mk8s-audit-read');
    expect(roles[0]?.['Properties']['ManagedPolicyArns']).toBeUndefined();
  });

  const roleArn = (name: string) => ({
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AuditorAccountId' }, `:role/${name}`],
    ],
  });

  it("trusts only the auditor account's audit-target and publish roles, and only with the external id", () => {
    expect(roles[0]?.['Properties']['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: {
            AWS: {
              'Fn::Join': [
                '',
                ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AuditorAccountId' }, ':root'],
              ],
            },
          },
          Condition: {
            StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } },
            ArnEquals: {
              'aws:PrincipalArn': [
                roleArn('mk8s-audit-target'),
                roleArn('mk8s-audit-discover'),
                roleArn('mk8s-audit-publish'),
              ],
            },
          },
        },
      ],
    });
  });

  it('allows exactly the collector and region-discovery actions of providers/aws/permissions.ts, and BatchImportFindings on its own product', () => {
    const policies = roles[0]?.['Properties']['Policies'] as {
      PolicyName: string;
      PolicyDocument: { Statement: unknown[] };
    }[];
    expect(policies.map((p) => p.PolicyName)).toEqual(['Collect', 'SecurityHubImport']);
    expect(policies[0]?.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: memberRoleActions(), Resource: '*' },
    ]);
    expect(policies[1]?.PolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'securityhub:BatchImportFindings',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':securityhub:*:',
              { Ref: 'AWS::AccountId' },
              ':product/',
              { Ref: 'AWS::AccountId' },
              '/default',
            ],
          ],
        },
      },
    ]);
  });

  it('in central Security Hub mode trusts only the audit-target and discover roles and may not import', () => {
    const central = Template.fromStack(
      buildApp({ auditorAccountId: '111122223333', audit: { securityHub: { mode: 'central' } } })
        .member,
    );
    const role = Object.values(central.findResources('AWS::IAM::Role'))[0];
    const trust = role?.['Properties']['AssumeRolePolicyDocument'].Statement[0].Condition;
    // Discover lists regions and clusters through the role too; publish is not trusted.
    expect(trust.ArnEquals['aws:PrincipalArn']).toEqual([
      roleArn('mk8s-audit-target'),
      roleArn('mk8s-audit-discover'),
    ]);
    expect(JSON.stringify(role)).not.toContain('securityhub');
  });

  it('is StackSet-ready: parameters with the configured defaults, no bootstrap rule, no assets', () => {
    const json = template.toJSON();
    expect(json['Parameters']).toEqual({
      AuditorAccountId: expect.objectContaining({
        Type: 'String',
        Default: '111122223333',
        AllowedPattern: '^\\d{12}$',
      }),
      ExternalId: expect.objectContaining({ Type: 'String', Default: 'acme-audit-7' }),
    });
    expect(json['Rules']).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/cdk-bootstrap|hnb659fds|AssetParameters/);
  });

  it('requires the auditor account as a parameter when the configuration does not name it', () => {
    const parameters = Template.fromStack(buildApp({}).member).toJSON()['Parameters'];
    expect(parameters['AuditorAccountId']).not.toHaveProperty('Default');
  });
});
