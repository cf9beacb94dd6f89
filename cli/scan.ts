import { Severity } from '../core/severity';
import { type FormatName, parseFormats } from '../outputs/formats';
import { EXPORT_READERS } from '../providers/exports';
import { commandLine } from './args';
import { type Command, EXIT, UsageError } from './command';
import { readMutelistFile } from './mutelist-file';
import { createScanProgress } from './progress';
import { printScanReport } from './scan-report';
import { runScan } from './scan-run';

const USAGE = `Usage:
  mk8s-audit scan --input <file|dir>... [--out <dir>] [--fail-on <severity>]
  mk8s-audit scan --aws [--region <region>]... [--profile <name>] [--out <dir>] [--fail-on <severity>]
  mk8s-audit scan --gcp-project <id>... [--out <dir>] [--fail-on <severity>]
  mk8s-audit scan --azure-subscription <id>... | --azure-all-subscriptions [--out <dir>] [--fail-on <severity>]

Audits clusters and writes every result to <dir>/findings.json, then prints a summary.

Inputs:
  --input, -i <path>    An export file or a directory (read recursively, *.json). Repeatable;
                        extra paths after the flags are inputs too. A file holds one cluster or
                        a list: \`aws eks describe-cluster\` output, a bare EKS Cluster object,
                        GKE and AKS exports, or an \`mk8s-audit collect\` snapshot file.
                        Known formats:
${EXPORT_READERS.map((r) => `${' '.repeat(26)}${r.format}`).join('\n')}
  --aws                 Audit the caller's AWS account live (default credential chain).
  --region <region>     With --aws: a region to audit (repeatable; default: the profile's region).
  --profile <name>      With --aws: the AWS profile to use.
  --gcp-project <id>    Audit the GKE clusters of this GCP project live (repeatable; Application
                        Default Credentials, or the access token in GOOGLE_OAUTH_ACCESS_TOKEN).
  --azure-subscription <id>
                        Audit the AKS clusters of this Azure subscription live (repeatable;
                        DefaultAzureCredential: environment, workload/managed identity, az login).
  --azure-all-subscriptions
                        Audit every Azure subscription the identity can see.
  --endpoint-url <url>  With --aws / --gcp-project / Azure: send every cloud call to this URL (a
                        local stand-in of the APIs).

Output:
  --out, -o <dir>       Where the files are written (default: out).
  --format <list>       Comma-separated, default json: json (findings.json), ocsf
                        (findings.ocsf.json, OCSF 1.6 Compliance Finding), asff
                        (findings.asff.json; needs --aws), csv (findings.csv), html (report.html).
                        Each scan also adds its counts to <dir>/history.json, the report's trend.
  --fail-on <severity>  Exit 1 when a check fails at this severity or above:
                        critical, high, medium, low, informational. Muted failures do not count.
  --mutelist <file>     Accepted risks (JSON or YAML, docs/mutelist.md): matching results keep
                        their status and are marked muted with the entry's reason, owner and
                        expiry; entries are judged on the UTC day of --as-of (or now).
  --quiet, -q           No progress line. A live scan shows one on stderr (targets and clusters
                        done/total) only when stderr is a terminal.
  --as-of <time>        Evaluate as of this ISO 8601 time instead of now (e.g. re-evaluate an
                        archived snapshot at its collection date); it decides version support.

Exit codes: 0 the scan ran (whatever it found); 1 --fail-on was met; 2 bad usage or an input that
could not be read (named on stderr; every other input is still audited).`;

/** The flags of `scan`. */
const OPTIONS = {
  input: { type: 'string', short: 'i', multiple: true },
  out: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  aws: { type: 'boolean' },
  region: { type: 'string', multiple: true },
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
  'gcp-project': { type: 'string', multiple: true },
  'azure-subscription': { type: 'string', multiple: true },
  'azure-all-subscriptions': { type: 'boolean' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  mutelist: { type: 'string' },
} as const;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Audit exported JSON files, a live AWS account or GCP projects; write findings.json',
  async run(argv) {
    const args = commandLine(argv, USAGE, OPTIONS, { positionals: true });
    if (args === undefined) return EXIT.ok;
    const { values, positionals } = args;
    const inputs = [...(values.input ?? []), ...positionals];
    const gcpProjects = values['gcp-project'] ?? [];
    const azureSubscriptions = values['azure-subscription'] ?? [];
    const azure = azureSubscriptions.length > 0 || values['azure-all-subscriptions'] === true;
    if (inputs.length === 0 && !values.aws && gcpProjects.length === 0 && !azure) {
      throw new UsageError(
        'nothing to scan: give --input <file|dir>, --aws, --gcp-project <id>, --azure-subscription <id> or --azure-all-subscriptions',
      );
    }
    if (!values.aws) {
      for (const flag of ['region', 'profile'] as const) {
        if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --aws`);
      }
      if (values['endpoint-url'] !== undefined && gcpProjects.length === 0 && !azure) {
        throw new UsageError(
          '--endpoint-url needs --aws or --gcp-project (or an Azure subscription flag)',
        );
      }
    }
    let failOn: Severity | undefined;
    if (values['fail-on'] !== undefined) {
      const parsed = Severity.safeParse(values['fail-on']);
      if (!parsed.success) {
        throw new UsageError(
          `--fail-on ${values['fail-on']}: not a severity (${Severity.options.join(', ')})`,
        );
      }
      failOn = parsed.data;
    }
    const asOf = values['as-of'];
    const now = asOf === undefined ? new Date() : new Date(asOf);
    if (Number.isNaN(now.getTime())) {
      throw new UsageError(`--as-of ${asOf}: not an ISO 8601 time such as 2026-11-28T00:00:00Z`);
    }
    let formats: FormatName[] = ['json'];
    if (values.format !== undefined) {
      try {
        formats = parseFormats(values.format);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    if (formats.includes('asff') && !values.aws) {
      throw new UsageError(
        '--format asff needs --aws: findings.asff.json is imported into the scanned AWS account',
      );
    }
    // Read before scanning: a bad mutelist stops the scan with its errors (exit 2).
    const mutelistFile = values.mutelist;
    const mutelist =
      mutelistFile === undefined
        ? undefined
        : { mutelist: await readMutelistFile(mutelistFile), source: mutelistFile };
    const result = await runScan({
      inputs,
      ...(mutelist ? { mutelist } : {}),
      now,
      formats,
      outDir: values.out ?? 'out',
      progress: createScanProgress(process.stderr, values.quiet === true),
      ...(failOn === undefined ? {} : { failOn }),
      ...(values.aws
        ? {
            aws: {
              regions: values.region ?? [],
              ...(values.profile === undefined ? {} : { profile: values.profile }),
              ...(values['endpoint-url'] === undefined ? {} : { endpoint: values['endpoint-url'] }),
            },
          }
        : {}),
      ...(gcpProjects.length > 0
        ? {
            gcp: {
              projects: gcpProjects,
              ...(values['endpoint-url'] === undefined ? {} : { endpoint: values['endpoint-url'] }),
              ...(process.env['GOOGLE_OAUTH_ACCESS_TOKEN']
                ? { accessToken: process.env['GOOGLE_OAUTH_ACCESS_TOKEN'] }
                : {}),
            },
          }
        : {}),
      ...(azure
        ? {
            azure: {
              subscriptions: azureSubscriptions,
              allSubscriptions: values['azure-all-subscriptions'] === true,
              ...(values['endpoint-url'] === undefined ? {} : { endpoint: values['endpoint-url'] }),
            },
          }
        : {}),
    });
    printScanReport(result);
    return result.exitCode;
  },
};
