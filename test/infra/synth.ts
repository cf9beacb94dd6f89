import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Mk8sAuditStack } from '../../infra/auditor-stack';
import { DeploymentConfig } from '../../infra/config';
import { Mk8sAuditMemberRoleStack } from '../../infra/member-role-stack';
import { addNagChecks } from '../../infra/nag';

const ROOT = join(import.meta.dirname, '..', '..');

/** The feature flags of cdk.json: `new App()` does not read cdk.json, `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

export interface SynthOptions {
  /** Run esbuild for the Lambda assets (slow); off by default. */
  bundle?: boolean;
  nag?: boolean;
  outdir?: string;
}

/** Both stacks of `infra/app.ts`, built from a raw configuration object. */
export function buildApp(rawConfig: unknown = {}, opts: SynthOptions = {}) {
  const config = DeploymentConfig.parse(rawConfig);
  const app = new App({
    context: {
      ...cdkJsonContext(),
      ...(opts.bundle === true ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
    ...(opts.outdir === undefined ? {} : { outdir: opts.outdir }),
  });
  const auditor = new Mk8sAuditStack(app, 'Mk8sAuditStack', { config });
  const member = new Mk8sAuditMemberRoleStack(app, 'Mk8sAuditMemberRoleStack', { config });
  if (opts.nag === true) addNagChecks(app);
  return { app, auditor, member, config };
}

export function auditorTemplate(rawConfig: unknown = {}): Template {
  return Template.fromStack(buildApp(rawConfig).auditor);
}

/**
 * Renders a CloudFormation value with intrinsics as a readable string: `Fn::Join` is joined,
 * `Fn::GetAtt [X, Arn]` becomes `<X.Arn>`, `Ref X` becomes `<X>`.
 */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o['Fn::Join'])) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(sep);
    }
    if (Array.isArray(o['Fn::GetAtt'])) return `<${(o['Fn::GetAtt'] as string[]).join('.')}>`;
    if (typeof o['Ref'] === 'string') return `<${o['Ref']}>`;
  }
  return JSON.stringify(value);
}

/**
 * The state machine definition as deployable ASL: intrinsics replaced by plausible values
 * (function ARNs, partition, bucket name) so validators can check it.
 */
export function renderDefinition(definitionString: unknown): unknown {
  const text = render(definitionString)
    .replaceAll('<AWS::Partition>', 'aws')
    .replace(/<(\w+)\.Arn>/g, 'arn:aws:lambda:eu-west-1:111122223333:function:$1')
    .replace(/<(\w+)>/g, 'findings-bucket');
  return JSON.parse(text);
}
