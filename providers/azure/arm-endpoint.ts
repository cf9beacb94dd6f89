import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ARM_ENDPOINT } from './collector-options';

/**
 * Runs after the bearer-token policy (position `perRetry`): turns the https:// URL back into the
 * http:// one the caller configured, so a plain-http ARM endpoint still receives the real token.
 */
const downgradeToHttp: PipelinePolicy = {
  name: 'mk8sArmHttpEndpoint',
  sendRequest: (req, next) => {
    req.url = req.url.replace(/^https:/, 'http:');
    req.allowInsecureConnection = true;
    return next(req);
  },
};

/** The ARM base URL the clients are given, and the extra policy a plain-http endpoint needs. */
export function armEndpoint(configured: string | undefined): {
  baseUrl: string;
  policies: { position: 'perRetry'; policy: PipelinePolicy }[];
} {
  const url = (configured ?? ARM_ENDPOINT).replace(/\/+$/, '');
  if (!url.startsWith('http://')) return { baseUrl: url, policies: [] };
  return {
    baseUrl: url.replace(/^http:/, 'https:'),
    policies: [{ position: 'perRetry', policy: downgradeToHttp }],
  };
}
