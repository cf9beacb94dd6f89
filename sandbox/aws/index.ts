import type { Route } from '../route';
import { accountRoutes } from './account';
import { ec2Routes } from './ec2';
import { ec2NetworkRoutes } from './ec2-network';
import { ecrRoutes } from './ecr';
import { eksRoutes } from './eks';
import { eksRelatedRoutes } from './eks-related';
import { elbv2Routes } from './elbv2';
import { guardDutyRoutes } from './guardduty';
import { iamRoutes } from './iam';
import { kmsRoutes } from './kms';
import { logsRoutes } from './logs';
import { organizationsRoutes } from './organizations';
import { outboundIdentityRoutes } from './outbound-identity';
import { secretsRoutes } from './secrets';
import { securityHubRoutes } from './securityhub';
import { automationRuleRoutes } from './securityhub-automation';
import { stsRoutes } from './sts';

/** Every AWS route; add a service by adding its file's route list here. */
export const awsRoutes: Route[] = [
  ...stsRoutes,
  ...outboundIdentityRoutes,
  ...organizationsRoutes,
  ...accountRoutes,
  ...ec2Routes,
  ...ec2NetworkRoutes,
  ...eksRoutes,
  ...eksRelatedRoutes,
  ...iamRoutes,
  ...logsRoutes,
  ...kmsRoutes,
  ...ecrRoutes,
  ...elbv2Routes,
  ...guardDutyRoutes,
  ...securityHubRoutes,
  ...secretsRoutes,
  ...automationRuleRoutes,
];
