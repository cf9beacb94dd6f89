import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * s3rver 3.7.1 ignores `If-Match` and `If-None-Match` on PutObject (it honours them on GetObject
 * only), while S3 has supported conditional writes since 2024: "If-None-Match: *" writes only when
 * the key does not exist, "If-Match: <etag>" only when the object still has that ETag; otherwise
 * 412 PreconditionFailed (and 404 NoSuchKey for If-Match on a missing key). This proxy in front of
 * s3rver adds exactly that: a conditional PUT is checked (HEAD) and forwarded under a per-key lock,
 * so two overlapping conditional writers cannot both win. Every other request passes unchanged
 * (the signature stays valid: path, query and headers are forwarded as they came).
 */
export interface ConditionalWriteProxy {
  port: number;
  /** Conditional PUTs refused with 412/404, for tests. */
  readonly refused: number;
  close(): Promise<void>;
}

const unquote = (etag: string | undefined) => (etag ?? '').replace(/^W\//, '').replace(/"/g, '');

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>sandbox-conditional</RequestId></Error>`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Forwards one request to s3rver, streaming both ways; resolves when the answer is sent. */
type Refusal = [status: number, code: string, message: string];

const PRECONDITION_FAILED: Refusal = [
  412,
  'PreconditionFailed',
  'At least one of the pre-conditions you specified did not hold',
];

/** S3's answer when a conditional PUT's `If-Match` / `If-None-Match` does not hold, else none. */
function preconditionRefusal(
  ifMatch: string | undefined,
  ifNoneMatch: string | undefined,
  etag: string | undefined,
): Refusal | undefined {
  if (ifNoneMatch !== undefined && etag !== undefined) return PRECONDITION_FAILED;
  if (ifMatch === undefined) return undefined;
  if (etag === undefined) return [404, 'NoSuchKey', 'The specified key does not exist.'];
  return unquote(ifMatch) === etag ? undefined : PRECONDITION_FAILED;
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  host: string,
  port: number,
): Promise<void> {
  return new Promise((resolve) => {
    const upstream = request(
      { host, port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', resolve);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) s3Error(res, 502, 'BadGateway', error.message);
      else res.destroy();
      resolve();
    });
    req.pipe(upstream);
  });
}

/** The current ETag of a key (anonymous HEAD; s3rver does not enforce ACLs), or undefined. */
function currentEtag(host: string, port: number, path: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const head = request({ host, port, method: 'HEAD', path }, (answer) => {
      answer.resume();
      resolve(answer.statusCode === 200 ? unquote(String(answer.headers.etag ?? '')) : undefined);
    });
    head.on('error', reject);
    head.end();
  });
}

export async function startConditionalWriteProxy(
  upstreamHost: string,
  upstreamPort: number,
  listenHost: string,
  listenPort = 0,
): Promise<ConditionalWriteProxy> {
  /** The tail of each key's queue of conditional writes. */
  const locks = new Map<string, Promise<void>>();
  let refused = 0;

  async function conditionalPut(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const previous = locks.get(path) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((r) => {
      release = r;
    });
    const tail = previous.then(() => mine);
    locks.set(path, tail);
    await previous;
    try {
      const etag = await currentEtag(upstreamHost, upstreamPort, path);
      const ifMatch = req.headers['if-match'];
      const ifNoneMatch = req.headers['if-none-match'];
      const refusal = preconditionRefusal(ifMatch, ifNoneMatch, etag);
      if (refusal) {
        refused += 1;
        req.resume();
        return s3Error(res, ...refusal);
      }
      await forward(req, res, upstreamHost, upstreamPort);
    } finally {
      release();
      if (locks.get(path) === tail) locks.delete(path);
    }
  }

  const server: Server = createServer((req, res) => {
    const conditional =
      req.method === 'PUT' &&
      (req.headers['if-match'] !== undefined || req.headers['if-none-match'] !== undefined);
    const handled = conditional
      ? conditionalPut(req, res)
      : forward(req, res, upstreamHost, upstreamPort);
    handled.catch((error: unknown) => {
      if (!res.headersSent) s3Error(res, 500, 'InternalError', String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, listenHost, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
