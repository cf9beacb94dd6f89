import type { AwsCaller } from '../http';
import type { SandboxState } from '../state';

/**
 * Access keys the sandbox's AssumeRole hands out carry the account they belong to:
 * `ASIA` + `SBX0` + the 12-digit account id (20 characters, like a real key).
 */
const SANDBOX_KEY = /^A[KS]IASBX0(\d{12})$/;

export function sandboxAccessKeyId(account: string, temporary = true): string {
  return `${temporary ? 'ASIA' : 'AKIA'}SBX0${account}`;
}

/** The account of credentials not issued by the sandbox: `aws.callerAccount` or the first. */
export function defaultCallerAccount(state: SandboxState): string {
  const aws = state.estate.aws;
  return aws?.callerAccount ?? Object.keys(aws?.accounts ?? {})[0] ?? '000000000000';
}

/** The account a request's credentials belong to. */
export function callerAccount(state: SandboxState, caller: AwsCaller | undefined): string {
  const m = caller ? SANDBOX_KEY.exec(caller.accessKeyId) : null;
  return m ? (m[1] as string) : defaultCallerAccount(state);
}

/** The caller's principal ARN, as STS GetCallerIdentity and access-denied messages name it. */
export function callerArn(state: SandboxState, caller: AwsCaller | undefined): string {
  const account = callerAccount(state, caller);
  const session = caller?.sessionToken ? state.sessions.get(caller.sessionToken) : undefined;
  if (session)
    return `arn:aws:sts::${session.account}:assumed-role/${session.roleName}/${session.sessionName}`;
  return `arn:aws:iam::${account}:user/sandbox-user`;
}
