import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../../cli/command';
import { runSandboxCommand } from '../../../cli/sandbox-command';

describe('mk8s-audit sandbox', () => {
  it('serves the sample estate and S3, prints the endpoint settings and stops on request', async () => {
    let output = '';
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const run = runSandboxCommand([], {
      write: (t) => {
        output += t;
      },
      stopped,
    });
    while (!output.includes('Press Ctrl-C')) await new Promise((r) => setTimeout(r, 20));

    expect(output).toContain('(12 clusters: 5 EKS, 4 GKE, 3 AKS)');
    const api = /API endpoint \(AWS, Google Cloud, Azure\): (http:\/\/127\.0\.0\.1:\d+)/.exec(
      output,
    )?.[1];
    const s3 = /AWS_ENDPOINT_URL_S3=(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(api).toBeDefined();
    expect(output).toContain(`npx mk8s-audit scan --aws --endpoint-url ${api} --region us-east-2`);

    const gke = await fetch(`${api}/v1/projects/acme-prod-gke/locations/-/clusters`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(((await gke.json()) as { clusters: unknown[] }).clusters).toHaveLength(2);
    const client = new S3Client({
      endpoint: s3 ?? '',
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const buckets = await client.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual(['mk8s-audit-findings']);
    client.destroy();

    await fetch(`${api}/v1/projects/acme-prod-gke/unknown`, {
      headers: { authorization: 'Bearer x' },
    });

    stop();
    expect(await run).toBe(0);
    expect(output).toContain(
      'Requests no route serves (answered 404):\n  GET /v1/projects/acme-prod-gke/unknown',
    );
    expect(output).toContain('Stopping. Calls served: container:ListClusters=1');
    await expect(fetch(`${api}/v1/projects/acme-prod-gke/locations/-/clusters`)).rejects.toThrow();
  });

  it('refuses a bad port and names an invalid estate file', async () => {
    const io = { write: () => {}, stopped: Promise.resolve() };
    await expect(runSandboxCommand(['--port', '70000'], io)).rejects.toBeInstanceOf(UsageError);
    const err = await runSandboxCommand(['--estate', 'no/such/estate.json'], io).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('invalid estate no/such/estate.json');
  });
});
