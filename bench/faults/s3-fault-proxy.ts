import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of the local S3 that answers the first `failWrites`
 * PutObject requests with S3's `503 SlowDown`, as S3 does under a request-rate spike. The S3
 * client reaches it like any endpoint, so the SDK's own retry is what is exercised.
 */
export interface S3FaultProxy {
  url: string;
  /** PutObject requests failed so far. */
  failed: () => number;
  /** Fail the next `n` PutObject requests (whose key contains `keyPart`, when given). */
  failNextWrites: (n: number, keyPart?: string) => void;
  stop: () => Promise<void>;
}

const SLOW_DOWN = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>FAULT0000000001</RequestId></Error>`;

function isPutObject(req: IncomingMessage): boolean {
  // PutObject: PUT /bucket/key (path-style) whose only query is the SDK's `x-id=PutObject`.
  const url = new URL(req.url ?? '/', 'http://s3');
  const query = [...url.searchParams.keys()].filter((k) => k !== 'x-id');
  return req.method === 'PUT' && url.pathname.split('/').length > 2 && query.length === 0;
}

export async function startS3FaultProxy(s3Url: string): Promise<S3FaultProxy> {
  const upstream = new URL(s3Url);
  let pending = 0;
  let keyPart: string | undefined;
  let failed = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (
      pending > 0 &&
      isPutObject(req) &&
      (keyPart === undefined || decodeURIComponent(req.url ?? '').includes(keyPart))
    ) {
      pending -= 1;
      failed += 1;
      req.resume();
      req.on('end', () => {
        res.writeHead(503, { 'content-type': 'application/xml' });
        res.end(SLOW_DOWN);
      });
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failed: () => failed,
    failNextWrites(n, part) {
      pending = n;
      keyPart = part;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
