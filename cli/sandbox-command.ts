import { type Estate, EstateError, loadEstate } from '../sandbox/estate';
import { startS3 } from '../sandbox/s3';
import { SAMPLE_ESTATE_FILE } from '../sandbox/sample-estate';
import { startSandbox } from '../sandbox/server';
import { commandLine } from './args';
import { type Command, EXIT, InputError, UsageError } from './command';

/** The bucket the sandbox's S3 creates for findings. */
export const SANDBOX_BUCKET = 'mk8s-audit-findings';

const USAGE = `Usage:
  mk8s-audit sandbox [--estate <file>] [--port <n>] [--s3-port <n>]

Serves an estate (default: the bundled sample of 12 clusters) through local stand-ins of the
AWS, Google Cloud and Azure APIs on 127.0.0.1, plus an S3 (s3rver) with the bucket
${SANDBOX_BUCKET}, and prints the settings that point the CLI or your own scripts at them.
Runs until Ctrl-C. No credentials and no network are used.

  --estate <file>  An estate file (format: sandbox/README.md).
  --port <n>       Port of the API endpoint (default: a free port).
  --s3-port <n>    Port of the S3 endpoint (default: a free port).`;

function portOf(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new UsageError(`${flag} must be a port number (0-65535), got '${value}'`);
  }
  return n;
}

/** One line per target the estate holds, and the cluster counts. */
function describeEstate(estate: Estate): { lines: string[]; counts: string } {
  const lines: string[] = [];
  let eks = 0;
  let gke = 0;
  let aks = 0;
  for (const [account, a] of Object.entries(estate.aws?.accounts ?? {})) {
    const regions = Object.entries(a.regions).map(([r, e]) => {
      eks += e.clusters.length;
      return `${r} (${e.clusters.length})`;
    });
    lines.push(`  AWS account ${account} ${a.name ?? ''}: ${regions.join(', ') || 'no clusters'}`);
  }
  for (const [project, p] of Object.entries(estate.gcp?.projects ?? {})) {
    gke += p.clusters.length;
    lines.push(`  GCP project ${project}: ${p.clusters.length} cluster(s)`);
  }
  for (const [sub, s] of Object.entries(estate.azure?.subscriptions ?? {})) {
    aks += s.managedClusters.length;
    lines.push(
      `  Azure subscription ${sub} ${s.displayName ?? ''}: ${s.managedClusters.length} cluster(s)`,
    );
  }
  return { lines, counts: `${eks + gke + aks} clusters: ${eks} EKS, ${gke} GKE, ${aks} AKS` };
}

export interface SandboxCommandIo {
  write(text: string): void;
  /** Resolves when the command should stop (Ctrl-C by default). */
  stopped: Promise<void>;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

/** Runs the sandbox and S3 until `io.stopped`, printing the endpoint settings. */
export async function runSandboxCommand(argv: string[], io: SandboxCommandIo): Promise<number> {
  const args = commandLine(
    argv,
    USAGE,
    {
      estate: { type: 'string', short: 'e' },
      port: { type: 'string', short: 'p' },
      's3-port': { type: 'string' },
    },
    { write: (text) => io.write(text) },
  );
  if (args === undefined) return EXIT.ok;
  const { values } = args;
  const port = portOf(values.port, '--port');
  const s3Port = portOf(values['s3-port'], '--s3-port');
  const file = values.estate ?? SAMPLE_ESTATE_FILE;
  let estate: Estate;
  try {
    estate = loadEstate(file);
  } catch (err) {
    if (err instanceof EstateError) throw new InputError(err.message);
    throw err;
  }
  const sandbox = await startSandbox({ estate, ...(port === undefined ? {} : { port }) });
  const s3 = await startS3({
    buckets: [SANDBOX_BUCKET],
    ...(s3Port === undefined ? {} : { port: s3Port }),
  });
  try {
    const { lines, counts } = describeEstate(estate);
    const url = sandbox.url;
    const firstRegion =
      Object.values(estate.aws?.accounts ?? {}).flatMap((a) => Object.keys(a.regions))[0] ??
      'us-east-1';
    const project = Object.keys(estate.gcp?.projects ?? {})[0] ?? 'PROJECT';
    const sub = Object.keys(estate.azure?.subscriptions ?? {})[0] ?? 'SUBSCRIPTION';
    io.write(
      [
        `Sandbox cloud serving ${file}`,
        `(${counts})`,
        ...lines,
        '',
        `  API endpoint (AWS, Google Cloud, Azure): ${url}`,
        `  S3 endpoint (s3rver, bucket ${SANDBOX_BUCKET}):  ${s3.url}`,
        '',
        'Point the CLI or the AWS SDKs and CLI at it:',
        `  export AWS_ENDPOINT_URL=${url} AWS_ENDPOINT_URL_S3=${s3.url}`,
        `  export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_REGION=${firstRegion}`,
        `  npx mk8s-audit scan --aws --endpoint-url ${url} --region ${firstRegion}`,
        `  aws eks list-clusters --endpoint-url ${url} --region ${firstRegion}`,
        'Google Cloud (any bearer token):',
        `  curl -H 'Authorization: Bearer x' ${url}/v1/projects/${project}/locations/-/clusters`,
        `  @google-cloud/container: { fallback: true, protocol: 'http', apiEndpoint: '127.0.0.1', port: ${sandbox.port} }`,
        'Azure Resource Manager (any bearer token):',
        `  curl -H 'Authorization: Bearer x' '${url}/subscriptions/${sub}/providers/Microsoft.ContainerService/managedClusters?api-version=2026-04-01'`,
        `  @azure/arm-containerservice: endpoint https://127.0.0.1:${sandbox.port} plus an https-to-http policy (sandbox/clients.ts)`,
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await io.stopped;
    const calls = Object.entries(sandbox.counters.byOperation())
      .map(([op, n]) => `${op}=${n}`)
      .join(' ');
    io.write(`Stopping. Calls served: ${calls || 'none'}\n`);
    const unmatched = [...new Set(sandbox.state.unmatched)];
    if (unmatched.length > 0) {
      io.write(`Requests no route serves (answered 404):\n  ${unmatched.join('\n  ')}\n`);
    }
  } finally {
    await s3.stop();
    await sandbox.stop();
  }
  return EXIT.ok;
}

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'Serve a sample estate through local stand-ins of the AWS, Google and Azure APIs',
  run: (argv) =>
    runSandboxCommand(argv, { write: (t) => process.stdout.write(t), stopped: untilSignal() }),
};
