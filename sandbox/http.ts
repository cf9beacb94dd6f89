import type { IncomingHttpHeaders } from 'node:http';

/** Who signed an AWS request, read from its SigV4 credential scope. */
export interface AwsCaller {
  accessKeyId: string;
  /** Signing region of the credential scope (`us-east-1` for the global IAM endpoint). */
  region: string;
  /** Signing service name (`eks`, `iam`, `sts`, `ec2`, `organizations`, `securityhub`, ...). */
  service: string;
  /** `x-amz-security-token`, present for temporary (assumed-role) credentials. */
  sessionToken: string | undefined;
}

/** A request as the routes see it: body read, URL parsed, AWS signature scope decoded. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  aws: AwsCaller | undefined;
}

/** What a route answers. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  };
}

export function xmlReply(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { 'content-type': 'text/xml', ...headers }, body };
}

/** A single header value (the first one when repeated). */
export function header(req: SandboxRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/eks/aws4_request, ...` → scope parts. */
const SIGV4 = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export function parseAwsCaller(headers: IncomingHttpHeaders): AwsCaller | undefined {
  const auth = headers['authorization'];
  if (typeof auth !== 'string' || !auth.startsWith('AWS4-HMAC-SHA256')) return undefined;
  const m = SIGV4.exec(auth);
  if (!m) return undefined;
  const token = headers['x-amz-security-token'];
  return {
    accessKeyId: m[1] as string,
    region: m[2] as string,
    service: m[3] as string,
    sessionToken: typeof token === 'string' ? token : undefined,
  };
}
