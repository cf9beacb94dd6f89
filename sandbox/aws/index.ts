import type { Route } from '../route';
import { ec2Routes } from './ec2';
import { ec2NetworkRoutes } from './ec2-network';
import { eksRoutes } from './eks';
import { eksRelatedRoutes } from './eks-related';
import { iamRoutes } from './iam';
import { organizationsRoutes } from './organizations';
import { securityHubRoutes } from './securityhub';
import { stsRoutes } from './sts';

/** Every AWS route; add a service by adding its file's route list here. */
export const awsRoutes: Route[] = [
  ...stsRoutes,
  ...organizationsRoutes,
  ...ec2Routes,
  ...ec2NetworkRoutes,
  ...eksRoutes,
  ...eksRelatedRoutes,
  ...iamRoutes,
  ...securityHubRoutes,
];
