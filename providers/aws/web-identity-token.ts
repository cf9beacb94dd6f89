import { GetWebIdentityTokenCommand, type STSClient } from '@aws-sdk/client-sts';

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
  const out = await sts.send(
    new GetWebIdentityTokenCommand({
      Audience: [audience],
      SigningAlgorithm: 'RS256',
      DurationSeconds: durationSeconds,
    }),
  );
  if (!out.WebIdentityToken) throw new Error('STS GetWebIdentityToken returned no token');
  return out.WebIdentityToken;
}
