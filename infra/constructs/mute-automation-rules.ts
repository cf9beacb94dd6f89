import { Aws, CfnCondition, CfnResource, Fn } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { muteAutomationRules } from '../../outputs/securityhub-mute-rules';

export interface MuteAutomationRulesProps {
  /** The Security Hub Region findings are imported into; absent: the stack's own Region. */
  readonly region?: string | undefined;
}

/**
 * The Security Hub automation rules of the mutelist (`outputs/securityhub-mute-rules.ts`):
 * suppress muted findings, reopen those whose entry expired, for mk8s-audit findings only
 * (ProductName). An automation rule lives in one account and Region: when findings are imported into another
 * Region than the stack's, the rules are created only when the stack is deployed there.
 * Security Hub must be enabled in the account and Region before the stack is deployed.
 */
export class MuteAutomationRules extends Construct {
  public readonly rules: CfnResource[];

  public constructor(scope: Construct, id: string, props: MuteAutomationRulesProps = {}) {
    super(scope, id);
    const inHubRegion =
      props.region === undefined
        ? undefined
        : new CfnCondition(this, 'InSecurityHubRegion', {
            expression: Fn.conditionEquals(Aws.REGION, props.region),
          });
    this.rules = muteAutomationRules().map((rule, i) => {
      // The CloudFormation resource takes CreateAutomationRule's request as its properties.
      const resource = new CfnResource(this, `Rule${i + 1}`, {
        type: 'AWS::SecurityHub::AutomationRule',
        properties: { ...rule },
      });
      if (inHubRegion) resource.cfnOptions.condition = inHubRegion;
      return resource;
    });
  }
}
