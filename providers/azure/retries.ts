/**
 * Retries per call (throttling honours ARM's Retry-After, 5xx and network errors back off
 * exponentially): a call throttled at a sustained 30% fails with odds 0.3^7, where the Azure
 * SDK's default of 3 retries would fail about one call in 120.
 */
export const AZURE_MAX_RETRIES = 6;
