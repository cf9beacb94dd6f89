import { App } from 'aws-cdk-lib';
import { Mk8sAuditStack } from './auditor-stack';
import { ConfigError, loadDeploymentConfig } from './load-config';
import { Mk8sAuditMemberRoleStack } from './member-role-stack';
import { addNagChecks } from './nag';

/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy Mk8sAuditStack`. Both stacks are
 * environment-agnostic; the account and region come from the CLI's credentials at deploy time.
 * `NO_NAG=1` leaves cdk-nag out (for `cdk flags`, which synthesizes).
 */
const app = new App();
try {
  const config = loadDeploymentConfig({
    context: (k) => app.node.tryGetContext(k),
    cwd: process.cwd(),
  });
  new Mk8sAuditStack(app, 'Mk8sAuditStack', {
    config,
    description: 'mk8s-audit: scheduled audit of managed Kubernetes clusters (EKS, GKE, AKS)',
  });
  new Mk8sAuditMemberRoleStack(app, 'Mk8sAuditMemberRoleStack', {
    config,
    description: 'mk8s-audit: read-only role for the auditor in a member account (StackSet-ready)',
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (process.env['NO_NAG'] !== '1') addNagChecks(app);
app.synth();
