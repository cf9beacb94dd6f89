import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp, render } from './synth';

const TENANT = '0a0a0a0a-1111-2222-3333-444444444444';
const CLIENT = 'c1c1c1c1-5555-6666-7777-888888888888';
const GCP_KEY = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:mk8s-audit/gcp-key-AbCdEf';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** Federation for both clouds, as a deployment writes it. */
const FEDERATED = {
  auditorAccountId: '111122223333',
  audit: {
    gcp: {
      projects: ['acme-prod'],
      credentials: {
        source: 'workload-identity',
        externalAccountParameter: '/mk8s-audit/gcp-external-account',
      },
    },
    azure: {
      subscriptions: ['00000000-0000-0000-0000-000000000000'],
      credentials: { source: 'workload-identity', tenantId: TENANT, clientId: CLIENT },
    },
  },
};

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

function statementsOf(template: Template, logicalIdPrefix: string): Statement[] {
  return Object.entries(template.findResources('AWS::IAM::Policy'))
    .filter(([id]) => id.startsWith(logicalIdPrefix))
    .flatMap(([, r]) => r['Properties']['PolicyDocument']['Statement'] as Statement[]);
}

describe('cross-cloud access of the audit-target role', () => {
  it('adds nothing when GCP and Azure are not configured', () => {
    const template = Template.fromStack(buildApp({}).auditor);
    expect(statementsOf(template, 'CrossCloud')).toEqual([]);
    expect(JSON.stringify(template.toJSON())).not.toContain('OutboundWebIdentityFederation');
  }, 180_000);

  it('federation: GetWebIdentityToken only for Entra, RS256 and 300 s; the external-account parameter; outputs for both clouds', () => {
    const template = Template.fromStack(buildApp(FEDERATED).auditor);
    const statements = statementsOf(template, 'CrossCloudPolicy');
    expect(statements.map((s) => [s.Action, render(s.Resource), s.Condition ?? null])).toEqual([
      [
        'ssm:GetParameter',
        'arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter/mk8s-audit/gcp-external-account',
        null,
      ],
      [
        'sts:GetWebIdentityToken',
        '*',
        {
          'ForAllValues:StringEquals': {
            'sts:IdentityTokenAudience': 'api://AzureADTokenExchange',
          },
          Null: { 'sts:IdentityTokenAudience': 'false' },
          StringEquals: { 'sts:SigningAlgorithm': 'RS256' },
          NumericLessThanEquals: { 'sts:DurationSeconds': 300 },
        },
      ],
    ]);
    // Attached to the audit-target and discover roles, which reach the same clouds.
    const policy = Object.entries(template.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.startsWith('CrossCloudPolicy'),
    )?.[1];
    const roles = render(policy?.['Properties']['Roles']);
    expect(roles).toMatch(/AuditTargetRole/);
    expect(roles).toMatch(/DiscoverRole/);
    expect(roles).not.toMatch(/PublishRole/);

    const outputs = template.toJSON()['Outputs'] as Record<string, { Value: unknown }>;
    const value = (prefix: string) =>
      render(Object.entries(outputs).find(([k]) => k.startsWith(prefix))?.[1].Value);
    expect(value('CrossCloudGcpAttributeCondition')).toBe(
      'attribute.aws_role in ["arn:<AWS::Partition>:sts::<AWS::AccountId>:assumed-role/mk8s-audit-target", "arn:<AWS::Partition>:sts::<AWS::AccountId>:assumed-role/mk8s-audit-discover"]',
    );
    expect(value('CrossCloudAzureFederatedCredentialSubject')).toMatch(/AuditTargetRole\w+\.Arn/);
    expect(value('CrossCloudAzureFederatedCredentialDiscoverSubject')).toMatch(
      /DiscoverRole\w+\.Arn/,
    );
    expect(value('CrossCloudAzureFederatedCredentialAudience')).toBe('api://AzureADTokenExchange');
    expect(value('CrossCloudAzureFederatedCredentialIssuer')).toMatch(
      /^<CrossCloudOutboundFederation\w*\.IssuerIdentifier>$/,
    );

    // A custom resource backed by a function of ours (the pinned IAM client, not the runtime's
    // SDK), called only once its permissions exist, with a bounded wait.
    const resources = Object.entries(
      template.findResources('Custom::OutboundWebIdentityFederation'),
    );
    expect(resources).toHaveLength(1);
    const [, resource] = resources[0] as [string, Record<string, unknown>];
    const props = resource['Properties'] as Record<string, unknown>;
    expect(render(props['ServiceToken'])).toMatch(
      /^<CrossCloudOutboundFederationFunctionFn\w+\.Arn>$/,
    );
    expect(props['ServiceTimeout']).toBe('300');
    expect(resource['DependsOn']).toEqual([
      expect.stringMatching(/^CrossCloudOutboundFederationPolicy/),
    ]);
    expect(template.findResources('Custom::AWS')).toEqual({});
    const fn = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('CrossCloudOutboundFederationFunction'),
    )?.[1];
    expect(fn?.['Properties']).toMatchObject({ Runtime: 'nodejs24.x', Handler: 'index.handler' });
    // Its own role, no managed policy: the two IAM actions, its own log group, tracing.
    for (const [id, role] of Object.entries(template.findResources('AWS::IAM::Role'))) {
      expect([id, role['Properties']['ManagedPolicyArns'] ?? []]).toEqual([id, []]);
    }
    const crStatements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => render(p['Properties']['Roles']).includes('OutboundFederationFunctionRole'))
      .flatMap((p) => p['Properties']['PolicyDocument']['Statement'] as Statement[]);
    expect([...new Set(crStatements.flatMap((s) => [s.Action].flat()))].sort()).toEqual([
      'iam:EnableOutboundWebIdentityFederation',
      'iam:GetOutboundWebIdentityFederationInfo',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    for (const s of crStatements.filter((x) =>
      [x.Action].flat().some((a) => a.startsWith('logs:')),
    )) {
      expect(render(s.Resource)).toMatch(/^<CrossCloudOutboundFederationFunctionLogs\w+\.Arn>$/);
    }
  });

  it('opt-in secrets: GetSecretValue on the exact ARN, kms:Decrypt only through Secrets Manager', () => {
    const template = Template.fromStack(
      buildApp({
        audit: {
          gcp: {
            projects: ['acme-prod'],
            credentials: { source: 'service-account-key', secretArn: GCP_KEY, kmsKeyArn: KEY },
          },
        },
      }).auditor,
    );
    expect(
      statementsOf(template, 'CrossCloudPolicy').map((s) => [
        s.Action,
        render(s.Resource),
        s.Condition ?? null,
      ]),
    ).toEqual([
      ['secretsmanager:GetSecretValue', GCP_KEY, null],
      [
        'kms:Decrypt',
        KEY,
        {
          StringEquals: {
            'kms:ViaService': {
              'Fn::Join': ['', ['secretsmanager.', { Ref: 'AWS::Region' }, '.amazonaws.com']],
            },
          },
        },
      ],
    ]);
    expect(template.findResources('Custom::OutboundWebIdentityFederation')).toEqual({});
  });

  it('refuses GCP projects or Azure subscriptions without credentials a deployed function can use', () => {
    expect(() =>
      buildApp({
        audit: {
          gcp: { projects: ['acme-prod'] },
          azure: { subscriptions: [FEDERATED.audit.azure.subscriptions[0]] },
        },
      }),
    ).toThrow(
      /"gcp",\s*"credentials"[\s\S]*workload-identity[\s\S]*"azure",\s*"credentials"[\s\S]*workload-identity/,
    );
    expect(() =>
      buildApp({
        audit: { gcp: { projects: ['acme-prod'], credentials: { source: 'application-default' } } },
      }),
    ).toThrow(/no Application Default Credentials/);
  });
});

describe('cdk-nag AwsSolutions with federation for both clouds', () => {
  it('reports no unacknowledged finding (custom resource and its role included)', () => {
    const { app } = buildApp(FEDERATED, { nag: true });
    expect(() => app.synth()).not.toThrow();
  }, 180_000);
});

describe('function environments', () => {
  it('hold no secret: only names and ARNs, whatever credentials are configured', () => {
    const template = Template.fromStack(
      buildApp({
        audit: {
          gcp: {
            projects: ['acme-prod'],
            credentials: { source: 'service-account-key', secretArn: GCP_KEY, kmsKeyArn: KEY },
          },
          azure: {
            subscriptions: ['00000000-0000-0000-0000-000000000000'],
            credentials: {
              source: 'client-secret',
              tenantId: TENANT,
              clientId: CLIENT,
              secretArn: GCP_KEY,
            },
          },
        },
      }).auditor,
    );
    const functions = Object.entries(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(3);
    for (const [id, fn] of functions) {
      const vars = (fn['Properties']['Environment']?.['Variables'] ?? {}) as Record<
        string,
        unknown
      >;
      for (const [name, value] of Object.entries(vars)) {
        expect(name, id).not.toMatch(/SECRET|PASSWORD|TOKEN|PRIVATE|CREDENTIAL|_KEY$/i);
        const text = render(value);
        expect(text, `${id} ${name}`).not.toMatch(
          /BEGIN [A-Z ]*PRIVATE KEY|"private_key"|client_secret"/,
        );
      }
      // The run configuration names the secrets by ARN only.
      const runConfig = render(vars['RUN_CONFIG'] ?? '{}');
      if (runConfig.includes('credentials')) expect(runConfig).toContain(GCP_KEY);
    }
  });
});
