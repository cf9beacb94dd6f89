import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';

export interface CallerIdentity {
  account: string;
  arn: string;
  /** `aws`, `aws-cn`, `aws-us-gov`...: taken from the caller's ARN. */
  partition: string;
}

/** sts:GetCallerIdentity: whose credentials these are. */
export async function callerIdentity(sts: STSClient): Promise<CallerIdentity> {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  if (!out.Account || !out.Arn) {
    throw new Error('sts:GetCallerIdentity returned no account or ARN');
  }
  return { account: out.Account, arn: out.Arn, partition: out.Arn.split(':')[1] ?? 'aws' };
}
