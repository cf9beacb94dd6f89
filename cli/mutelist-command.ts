import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_CHECKS } from '../checks/index';
import type { Finding } from '../core/finding';
import type { Mutelist, MutelistEntry } from '../core/mutelist';
import { applyMutelist, type EntryReport, utcDay } from '../core/mutelist-match';
import { parseFindingsJson } from '../outputs/findings-json';
import { commandLine } from './args';
import { type Command, EXIT, InputError, UsageError } from './command';
import { readMutelistFile } from './mutelist-file';

const USAGE = `Usage:
  mk8s-audit mutelist check <file> [--out <dir>] [--date <YYYY-MM-DD>]

Validates a mutelist file (JSON or YAML; see docs/mutelist.md) and lists, for each entry, its
state and the results it matches in the last run's findings (<dir>/findings.json, as written
by \`scan\` and \`start\`):
  active   in force and matching results (they are muted)
  unused   in force but matching nothing: a stale or mistyped entry
  expired  past its expires day (UTC): the results it would match are no longer muted

Options:
  -o, --out <dir>        the directory with findings.json (default: out)
      --date <day>       judge expiry on this UTC day instead of today

Exit codes: 0 the file is valid (whatever it matches); 2 the file is not valid (every problem is
named on stderr: the entry and the key) or bad usage.`;

/** At most this many results are listed under an entry. */
const LISTED = 20;

/** Check ids, their aliases and families: what a `checks` value can name. */
function knownNames(): Set<string> {
  const names = new Set<string>(['*']);
  for (const c of ALL_CHECKS) {
    names.add(c.meta.id);
    names.add(c.meta.family);
    for (const alias of c.meta.aliases ?? []) names.add(alias);
  }
  return names;
}

function scopeText(e: MutelistEntry): string {
  const parts = [`checks: ${e.checks.join(', ')}`];
  if (e.providers) parts.push(`providers: ${e.providers.join(', ')}`);
  if (e.accounts) parts.push(`accounts: ${e.accounts.join(', ')}`);
  if (e.regions) parts.push(`regions: ${e.regions.join(', ')}`);
  if (e.clusters) parts.push(`clusters: ${e.clusters.join(', ')}`);
  if (e.tags) {
    parts.push(
      `tags: ${Object.entries(e.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
  }
  return parts.join('; ');
}

function resultLine(f: Finding): string {
  const subject = f.subject ? ` ${f.subject.type} ${f.subject.name}` : '';
  return `      ${f.status.padEnd(14)} ${f.checkId}  ${f.resourceName}${subject}  (${f.account} ${f.region})`;
}

function entryLines(
  r: EntryReport,
  byId: ReadonlyMap<string, Finding>,
  known: ReadonlySet<string>,
  findingsFile: string | undefined,
): string[] {
  const e = r.entry;
  const lines = [
    `#${r.index}  ${r.state.padEnd(7)}  expires ${e.expires}  owner ${e.owner}`,
    `    ${scopeText(e)}`,
    `    reason: ${e.reason}`,
  ];
  for (const name of e.checks.filter((c) => !known.has(c))) {
    lines.push(
      `    warning: "${name}" is neither a check id nor a family (mk8s-audit checks lists them)`,
    );
  }
  if (findingsFile === undefined) return lines;
  const matched = r.findingIds.map((id) => byId.get(id)).filter((f): f is Finding => !!f);
  if (matched.length === 0) {
    lines.push(`    matches nothing in ${findingsFile}`);
    return lines;
  }
  const failing = matched.filter((f) => f.status === 'fail').length;
  const verb = r.state === 'expired' ? 'would match' : 'matches';
  lines.push(
    `    ${verb} ${matched.length} result${matched.length === 1 ? '' : 's'} (${failing} failing)${r.state === 'expired' ? ', no longer muted' : ''}:`,
  );
  lines.push(...matched.slice(0, LISTED).map(resultLine));
  if (matched.length > LISTED) lines.push(`      ... and ${matched.length - LISTED} more`);
  return lines;
}

/** The last run's findings, or why there are none to match against. */
async function lastFindings(file: string): Promise<{ findings?: Finding[]; note?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {
        note: `${file} does not exist: run a scan (or npm start) first to see what each entry matches`,
      };
    }
    throw new InputError(`${file} could not be read: ${(error as Error).message}`);
  }
  try {
    return { findings: parseFindingsJson(text, file) };
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

/** The report of `mutelist check`: one block per entry. */
export function formatCheck(
  file: string,
  mutelist: Mutelist,
  day: string,
  findings: readonly Finding[] | undefined,
  findingsFile: string,
): string {
  const applied = applyMutelist(findings ?? [], mutelist, day);
  const byId = new Map(applied.findings.map((f) => [f.id, f]));
  const known = knownNames();
  const n = mutelist.entries.length;
  const against =
    findings === undefined
      ? ''
      : ` against ${findingsFile} (${findings.length} result${findings.length === 1 ? '' : 's'})`;
  const head = `${file} is valid: ${n} entr${n === 1 ? 'y' : 'ies'}, judged on ${day} (UTC)${against}`;
  const blocks = applied.entries.map((r) =>
    entryLines(r, byId, known, findings === undefined ? undefined : findingsFile).join('\n'),
  );
  const count = (s: EntryReport['state']) => applied.entries.filter((e) => e.state === s).length;
  const muted = applied.findings.filter((f) => f.muted).length;
  const tail =
    findings === undefined
      ? `${count('expired')} expired`
      : `${count('active')} active, ${count('unused')} unused, ${count('expired')} expired; ${muted} result${muted === 1 ? '' : 's'} muted`;
  return [head, '', ...blocks.flatMap((b) => [b, '']), tail].join('\n');
}

/** The flags of `mutelist`. */
const OPTIONS = { out: { type: 'string', short: 'o' }, date: { type: 'string' } } as const;

export const mutelistCommand: Command = {
  name: 'mutelist',
  summary: 'mutelist check <file>: validate a mutelist and list what each entry matches',
  async run(argv) {
    const args = commandLine(argv, USAGE, OPTIONS, { positionals: true });
    if (args === undefined) return EXIT.ok;
    const { values, positionals } = args;
    const [sub, file, ...extra] = positionals;
    if (sub !== 'check') {
      throw new UsageError(
        sub === undefined
          ? 'give a subcommand: mutelist check <file>'
          : `unknown subcommand '${sub}': use mutelist check <file>`,
      );
    }
    if (file === undefined) throw new UsageError('mutelist check needs the mutelist file');
    if (extra.length > 0)
      throw new UsageError(`one file at a time (also given: ${extra.join(' ')})`);
    const day = values.date ?? utcDay(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new UsageError(`--date ${day}: not a day such as 2026-12-31`);
    }
    const mutelist = await readMutelistFile(file);
    const findingsFile = join(values.out ?? 'out', 'findings.json');
    const last = await lastFindings(findingsFile);
    process.stdout.write(`${formatCheck(file, mutelist, day, last.findings, findingsFile)}\n`);
    if (last.note) process.stderr.write(`\n${last.note}\n`);
    return EXIT.ok;
  },
};
