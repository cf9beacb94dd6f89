import type { Framework } from '../checks/frameworks/types';
import { responsibilityOf } from '../checks/responsibility/index';
import { catalogOrder, cisIds, frameworkCoverage } from '../cli/catalog-table';
import type { AnyCheck } from '../core/check';
import { Provider } from '../core/provider';

/** Markers of the generated block in README.md. */
export const README_START = '<!-- checks:start -->';
export const README_END = '<!-- checks:end -->';

const SERVICE: Readonly<Record<Provider, string>> = {
  eks: 'Amazon EKS',
  gke: 'Google GKE',
  aks: 'Azure AKS',
};

/** Text on one line. */
const flat = (text: string): string => text.replace(/\s*\n\s*/g, ' ');
/** A table cell: pipes escaped, on one line. */
const cell = (text: string): string => flat(text).replace(/\|/g, '\\|');
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (headers: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  row(headers),
  row(headers.map(() => '---')),
  ...rows.map(row),
];

const GENERATED =
  'Generated from the checks\u2019 metadata by `npm run catalog`; do not edit by hand.';

function countLine(checks: readonly AnyCheck[]): string {
  const per = Provider.options
    .map((p) => `${SERVICE[p]} ${checks.filter((c) => c.meta.provider === p).length}`)
    .join(', ');
  return `${checks.length} checks: ${per}.`;
}

/**
 * The block between the README markers: counts, then one line per check grouped by provider,
 * linked to docs/checks.md. A list rather than a table, so that the Markdown formatter of the
 * lint step leaves the generated text as it is.
 */
export function renderReadmeBlock(checks: readonly AnyCheck[]): string {
  const ordered = catalogOrder(checks);
  const out = [
    README_START,
    `<!-- ${GENERATED} -->`,
    '',
    `${countLine(checks)} Details (risk, remediation, frameworks, API calls) in [docs/checks.md](docs/checks.md); \`npx mk8s-audit checks\` prints the same list.`,
  ];
  for (const p of Provider.options) {
    const mine = ordered.filter((c) => c.meta.provider === p);
    if (mine.length === 0) continue;
    out.push('', `### ${SERVICE[p]} (${mine.length})`, '');
    for (const c of mine) {
      out.push(
        `- [${c.meta.id}](docs/checks.md#${c.meta.id}) (${c.meta.severity}, ${c.meta.family}): ${flat(c.meta.title)}`,
      );
    }
  }
  out.push('', README_END);
  return out.join('\n');
}

/** `text` with the README block replaced; throws when the markers are missing. */
export function replaceReadmeBlock(text: string, block: string): string {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  }
  return text.slice(0, start) + block + text.slice(end + README_END.length);
}

function frameworkLabel(id: string, frameworks: readonly Framework[]): string {
  const f = frameworks.find((x) => x.id === id);
  return f ? `${f.title} ${f.version}` : id;
}

const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

function checkDetails(c: AnyCheck, frameworks: readonly Framework[]): string[] {
  const m = c.meta;
  const out = [
    `### ${m.id}`,
    '',
    `**${m.title}**`,
    '',
    `${SERVICE[m.provider]} · severity **${m.severity}** · family \`${m.family}\` · ${m.categories.join(', ')}`,
    '',
    `*Risk.* ${m.risk}`,
    '',
    `*Remediation.* ${m.remediation.summary}`,
  ];
  if (m.remediation.cli) out.push('', '```sh', m.remediation.cli, '```');
  if (m.remediation.iac) out.push('', `IaC: ${m.remediation.iac}`);
  if (m.remediation.url) out.push('', `Docs: <${m.remediation.url}>`);
  const refs = Object.entries(m.frameworks).filter(([, ids]) => ids.length > 0);
  if (refs.length > 0) {
    out.push(
      '',
      `Frameworks: ${refs.map(([id, ids]) => `${frameworkLabel(id, frameworks)} ${ids.join(', ')}`).join('; ')}`,
    );
  }
  const split = responsibilityOf(m.family, m.provider);
  if (split) {
    out.push(
      '',
      `Shared responsibility (${split.owner}): the provider ${lowerFirst(split.providerDoes)} You: ${lowerFirst(split.customerConfigures)} ([provider's page](${split.source}))`,
    );
  }
  out.push('', `Reads: ${m.reads.map(code).join(', ')}`);
  if (m.aliases && m.aliases.length > 0)
    out.push('', `Former ids: ${m.aliases.map(code).join(', ')}`);
  return out;
}

/** docs/checks.md: every check by provider, the families across clouds, framework coverage, details. */
export function renderChecksDoc(
  checks: readonly AnyCheck[],
  frameworks: readonly Framework[],
): string {
  const ordered = catalogOrder(checks);
  const out = ['# Check catalog', '', `<!-- ${GENERATED} -->`, '', countLine(checks), ''];

  for (const p of Provider.options) {
    const mine = ordered.filter((c) => c.meta.provider === p);
    if (mine.length === 0) continue;
    out.push(`## ${SERVICE[p]} (${mine.length})`, '');
    out.push(
      ...table(
        ['check', 'severity', 'family', 'compliant state', 'CIS'],
        mine.map((c) => [
          `[${c.meta.id}](#${c.meta.id})`,
          c.meta.severity,
          c.meta.family,
          c.meta.title,
          cisIds(c).join(', ') || '-',
        ]),
      ),
      '',
    );
  }

  const families = [...new Set(ordered.map((c) => c.meta.family))].sort();
  out.push('## Families across clouds', '');
  out.push(
    ...table(
      ['family', ...Provider.options.map((p) => SERVICE[p])],
      families.map((family) => [
        family,
        ...Provider.options.map(
          (p) =>
            ordered
              .filter((c) => c.meta.family === family && c.meta.provider === p)
              .map((c) => c.meta.id)
              .join(', ') || '-',
        ),
      ]),
    ),
    '',
  );

  out.push('## Frameworks', '');
  for (const framework of frameworks) {
    const { requirements } = frameworkCoverage(framework, checks);
    out.push(`### ${framework.title} ${framework.version} (\`${framework.id}\`)`, '');
    out.push(
      ...table(
        ['requirement', 'title', 'assessment', 'checks'],
        requirements.map((r) => [
          r.id,
          r.note ? `${r.title} (${r.note})` : r.title,
          r.assessment,
          r.checks.length > 0
            ? r.checks.join(', ')
            : r.assessment === 'manual'
              ? 'manual only'
              : '-',
        ]),
      ),
      '',
    );
  }

  out.push('## Check details', '');
  for (const c of ordered) out.push(...checkDetails(c, frameworks), '');
  return `${out.join('\n').trimEnd()}\n`;
}
