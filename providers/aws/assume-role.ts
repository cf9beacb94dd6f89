import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';

/** Credentials are refreshed this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/**
 * A credential provider that assumes `roleArn` through `sts` and keeps the session until shortly
 * before it expires. Concurrent callers share one AssumeRole call; a failed call is not kept.
 */
export function assumeRoleCredentials(
  sts: STSClient,
  roleArn: string,
  opts: { externalId?: string; sessionName?: string; now?: () => Date } = {},
): () => Promise<Session> {
  const now = opts.now ?? (() => new Date());
  let current: Session | undefined;
  let inflight: Promise<Session> | undefined;

  const call = async (): Promise<Session> => {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: opts.sessionName ?? 'mk8s-audit',
        ...(opts.externalId === undefined ? {} : { ExternalId: opts.externalId }),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) {
      throw new Error(`sts:AssumeRole of ${roleArn} returned no credentials`);
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken === undefined ? {} : { sessionToken: c.SessionToken }),
      ...(c.Expiration === undefined ? {} : { expiration: c.Expiration }),
    };
  };

  const usable = (s: Session): boolean =>
    s.expiration === undefined || s.expiration.getTime() - now().getTime() > REFRESH_MARGIN_MS;

  return async () => {
    if (current && usable(current)) return current;
    inflight ??= call()
      .then((session) => {
        current = session;
        return session;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };
}
