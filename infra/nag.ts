import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Runs cdk-nag's AwsSolutions pack on every stack of the app; any finding fails the synth. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/**
 * Acknowledges one AwsSolutions finding on a construct (and its children), with the reason
 * next to the resource. `rule` is the id cdk-nag prints, e.g. `AwsSolutions-IAM5[Resource::*]`;
 * granular findings must be acknowledged one by one.
 */
export function acknowledgeNag(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions::${rule}`, reason });
}
