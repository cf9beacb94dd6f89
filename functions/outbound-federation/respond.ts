import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CustomResourceResponse } from './handler';

/**
 * PUTs a custom resource response to CloudFormation's pre-signed S3 URL. The URL is signed
 * without a content type, so none is sent (an empty header, as CloudFormation's own helper does).
 */
export function putResponse(
  url: string,
  response: CustomResourceResponse,
  timeoutMs = 10_000,
): Promise<void> {
  const body = JSON.stringify(response);
  const target = new URL(url);
  const request = target.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'PUT',
        headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`CloudFormation response upload answered HTTP ${status}`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('CloudFormation response upload timed out')));
    req.on('error', reject);
    req.end(body);
  });
}
