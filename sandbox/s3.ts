import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConditionalWriteProxy, startConditionalWriteProxy } from './s3-conditional';

/** The s3rver methods used here (the package ships no type declarations). */
interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (options: Record<string, unknown>) => S3rverInstance;

export interface S3Options {
  /** Buckets to create at start. */
  buckets: string[];
  host?: string;
  /** 0 (a free port) by default. */
  port?: number;
  /** Where objects live; default: a new temporary directory, removed by `stop()`. */
  directory?: string;
}

export interface LocalS3Sandbox {
  url: string;
  port: number;
  /** The directory holding the objects. */
  directory: string;
  /** The conditional-write front of s3rver (s3-conditional.ts): what `url` reaches. */
  conditionalWrites: Pick<ConditionalWriteProxy, 'refused'>;
  /**
   * `new S3Client(clientConfig)` reaches it: path-style, the only credentials s3rver accepts,
   * and checksums only when required (otherwise streamed bodies are stored aws-chunked).
   */
  clientConfig: {
    endpoint: string;
    forcePathStyle: true;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    requestChecksumCalculation: 'WHEN_REQUIRED';
    responseChecksumValidation: 'WHEN_REQUIRED';
  };
  stop(): Promise<void>;
}

/**
 * s3rver on loopback as the sandbox's S3 (toolchain.md §7 and G18), behind a small proxy that
 * adds S3's conditional writes (If-Match / If-None-Match on PutObject), which s3rver ignores.
 * Note: s3rver cannot issue ListObjectsV2 continuation tokens on OpenSSL 3 (they need DES), so
 * keep listings under 1,000 keys per prefix.
 */
export async function startS3(options: S3Options): Promise<LocalS3Sandbox> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverCtor;
  const owned = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'mk8s-sandbox-s3-')));
  const host = options.host ?? '127.0.0.1';
  const server = new S3rver({
    port: 0,
    address: host,
    silent: true,
    directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const upstream = await server.run();
  const proxy = await startConditionalWriteProxy(host, upstream.port, host, options.port ?? 0);
  const { port } = proxy;
  const url = `http://${host}:${port}`;
  return {
    url,
    port,
    directory,
    conditionalWrites: proxy,
    clientConfig: {
      endpoint: url,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
    async stop() {
      await proxy.close();
      await server.close();
      if (owned) await rm(directory, { recursive: true, force: true });
    },
  };
}
