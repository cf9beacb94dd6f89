import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';

export interface FakeSecurityHub {
  client: SecurityHubClient;
  /** The Findings of every BatchImportFindings request, in order. */
  calls: AwsSecurityFinding[][];
  close(): Promise<void>;
}

export interface FakeSecurityHubOptions {
  /** A reason to reject one finding (answered in FailedFindings), or undefined to import it. */
  reject?: (f: AwsSecurityFinding) => { code: string; message: string } | undefined;
  /** An HTTP error for the n-th call (0-based), e.g. a 403 AccessDeniedException. */
  failCall?: (n: number) => { status: number; type: string; message: string } | undefined;
}

/** BatchImportFindings (`POST /findings/import`, rest-json) on loopback, for the real client. */
export async function startFakeSecurityHub(
  options: FakeSecurityHubOptions = {},
): Promise<FakeSecurityHub> {
  const calls: AwsSecurityFinding[][] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || req.url !== '/findings/import') {
      res.writeHead(404, { 'x-amzn-errortype': 'ResourceNotFoundException' }).end('{}');
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      Findings: AwsSecurityFinding[];
    };
    const n = calls.length;
    calls.push(body.Findings);
    const failure = options.failCall?.(n);
    if (failure) {
      res
        .writeHead(failure.status, {
          'content-type': 'application/json',
          'x-amzn-errortype': failure.type,
        })
        .end(JSON.stringify({ Message: failure.message }));
      return;
    }
    const failed = body.Findings.flatMap((f) => {
      const r = options.reject?.(f);
      return r ? [{ Id: f.Id, ErrorCode: r.code, ErrorMessage: r.message }] : [];
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        FailedCount: failed.length,
        SuccessCount: body.Findings.length - failed.length,
        FailedFindings: failed,
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const client = new SecurityHubClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts: 1,
  });
  return {
    client,
    calls,
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
