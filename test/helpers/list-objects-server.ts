import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListServer {
  url: string;
  /** The query string of every ListObjectsV2 request received. */
  requests: URLSearchParams[];
  close(): Promise<void>;
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Answers ListObjectsV2 (path-style) over `keys` in pages of `pageSize`, with continuation
 * tokens as S3 does. s3rver cannot be used for this: its tokens need the DES cipher, which
 * OpenSSL 3 only has with the legacy provider.
 */
export async function startListObjectsServer(
  keys: string[],
  pageSize: number,
): Promise<ListServer> {
  const sorted = [...keys].sort();
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    requests.push(query);
    const prefix = query.get('prefix') ?? '';
    const start = Number(query.get('continuation-token') ?? '0');
    const matching = sorted.filter((k) => k.startsWith(prefix));
    const page = matching.slice(start, start + pageSize);
    const truncated = start + pageSize < matching.length;
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
      `<Name>findings</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount>`,
      `<MaxKeys>${pageSize}</MaxKeys><IsTruncated>${truncated}</IsTruncated>`,
      ...page.map((k) => `<Contents><Key>${xmlEscape(k)}</Key><Size>2</Size></Contents>`),
      truncated ? `<NextContinuationToken>${start + pageSize}</NextContinuationToken>` : '',
      '</ListBucketResult>',
    ].join('');
    res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
