import {
  GetWebIdentityTokenCommand,
  type GetWebIdentityTokenCommandOutput,
  type STSClient,
} from '@aws-sdk/client-sts';

/** The audience Entra ID expects of a federated token (federated identity credential default). */
export const AZURE_TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/**
 * A signed JWT from AWS STS GetWebIdentityToken (IAM outbound identity federation) naming the
 * caller's role as `sub`: RS256, since Entra ID accepts only RS256-signed assertions. The STS
 * client must be regional (the API is not served by the global endpoint). Short-lived: the
 * token is exchanged right away.
 */
export async function awsWebIdentityToken(
  sts: STSClient,
  audience: string = AZURE_TOKEN_EXCHANGE_AUDIENCE,
  durationSeconds = 300,
): Promise<string> {
  let out: GetWebIdentityTokenCommandOutput;
  try {
    out = await sts.send(
      new GetWebIdentityTokenCommand({
        Audience: [audience],
        SigningAlgorithm: 'RS256',
        DurationSeconds: durationSeconds,
      }),
    );
  } catch (error) {
    // Named, so the cause (e.g. OutboundWebIdentityFederationDisabledException) reaches the
    // target's error through the Azure library's own wrapping.
    const e = error instanceof Error ? error : new Error(String(error));
    throw new Error(`STS GetWebIdentityToken failed with ${e.name}: ${e.message}`);
  }
  if (!out.WebIdentityToken) throw new Error('STS GetWebIdentityToken returned no token');
  return out.WebIdentityToken;
}

/**
 * A source of web identity tokens that reuses a token (and an in-flight request) until a minute
 * before it expires: the Azure library may ask for an assertion more than once per Entra token.
 */
export function webIdentityTokenSource(
  sts: () => STSClient,
  audience: string = AZURE_TOKEN_EXCHANGE_AUDIENCE,
  durationSeconds = 300,
  now: () => number = Date.now,
): () => Promise<string> {
  let current: { token: Promise<string>; until: number } | undefined;
  return () => {
    if (current === undefined || current.until <= now()) {
      const token = awsWebIdentityToken(sts(), audience, durationSeconds);
      const entry = { token, until: now() + (durationSeconds - 60) * 1000 };
      current = entry;
      token.catch(() => {
        if (current === entry) current = undefined;
      });
    }
    return current.token;
  };
}
