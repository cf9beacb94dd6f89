import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { Provider } from './provider';

/**
 * The mutelist: accepted risks, each with who accepted it, why, and until when. A matching
 * result keeps its status and is marked muted; see `mutelist-match.ts`. The file is JSON or
 * YAML: `{"entries": [...]}`. Unknown keys are errors, so a typo never widens or narrows an
 * exception silently, and there is no exception without an expiry.
 */

const NonBlank = (what: string) =>
  z
    .string({
      error: (i) => (i.input === undefined ? `required: ${what}` : `must be text: ${what}`),
    })
    .refine((s) => s.trim().length > 0, { message: `must not be empty: ${what}` });

/** A glob (`*` any run of characters, `?` one character), whole value, case-sensitive. */
const Glob = z.string({
  error: (i) =>
    typeof i.input === 'number'
      ? `must be text in quotes: ${i.input} was read as a number (YAML reads an unquoted 012345678910 as a number and drops its leading zero)`
      : 'must be text (a value or a glob with * and ?)',
});
const Globs = z.array(Glob).min(1, 'must list at least one value, or be left out to match any');

export const MutelistEntry = z.strictObject({
  /** Check ids, control families, or `*` for every check. */
  checks: z
    .array(z.string().min(1, 'must not be empty'), {
      error: (i) =>
        i.input === undefined
          ? 'required: the check ids or families this exception covers, or ["*"]'
          : 'must be a list of check ids, families or "*"',
    })
    .min(1, 'must list at least one check id or family, or "*"'),
  providers: z.array(Provider).min(1, 'must list eks, gke or aks, or be left out').optional(),
  /** AWS account ids, GCP project ids, Azure subscription ids (globs). */
  accounts: Globs.optional(),
  /** AWS regions, GKE locations, Azure locations (globs). */
  regions: Globs.optional(),
  /** Cluster names or resource ids (ARN, GKE resource name, ARM id) (globs). */
  clusters: Globs.optional(),
  /** Cluster tags (GKE resource labels): every listed key glob must have a tag whose value matches. */
  tags: z.record(z.string().min(1), Glob).optional(),
  reason: NonBlank('why the risk is accepted'),
  owner: NonBlank('who accepted the risk (a person or team)'),
  /** The last day (UTC) the exception applies. */
  expires: z.iso.date({
    error: (i) =>
      i.input === undefined
        ? 'required: the last day the exception applies, as YYYY-MM-DD (UTC); an exception never lasts forever'
        : `must be a calendar date YYYY-MM-DD (UTC), got ${JSON.stringify(i.input)}`,
  }),
});
export type MutelistEntry = z.infer<typeof MutelistEntry>;

export const Mutelist = z.strictObject({
  entries: z.array(MutelistEntry, {
    error: (i) =>
      i.input === undefined ? 'required: the list of exceptions' : 'must be a list of exceptions',
  }),
});
export type Mutelist = z.infer<typeof Mutelist>;

/** A mutelist that cannot be used: the message names the file, each entry and key at fault. */
export class MutelistError extends Error {
  override readonly name = 'MutelistError';
}

/** `['entries', 2, 'expires']` → `entries[2].expires`. */
function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out.length === 0 ? String(part) : `.${String(part)}`;
  }
  return out.length > 0 ? out : '(root)';
}

/** One line per problem: `entries[2].expires: required: ...`, unknown keys named. */
function formatMutelistIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const at = issuePath(i.path);
      if (i.code === 'unrecognized_keys') {
        const known = Object.keys(i.path.length === 0 ? Mutelist.shape : MutelistEntry.shape).join(
          ', ',
        );
        return `${at}: unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')} (known: ${known})`;
      }
      return `${at}: ${i.message}`;
    })
    .join('\n');
}

export type MutelistFormat = 'json' | 'yaml';

/** `.yaml`/`.yml` → YAML, `.json` → JSON, otherwise JSON when the text starts with `{`. */
export function mutelistFormat(name: string, text: string): MutelistFormat {
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  if (/\.json$/i.test(name)) return 'json';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function parseText(text: string, source: string, format: MutelistFormat): unknown {
  try {
    // YAML 1.2 core schema: an unquoted 2026-12-31 stays a string; duplicate keys are errors.
    return format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new MutelistError(
      `${source} is not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
}

/** Validates a parsed mutelist; `source` (the file or S3 key) starts every error. */
export function validateMutelist(input: unknown, source: string): Mutelist {
  const parsed = Mutelist.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = formatMutelistIssues(parsed.error)
    .split('\n')
    .map((l) => `  ${l}`);
  throw new MutelistError(`${source} is not a valid mutelist:\n${lines.join('\n')}`);
}

/** Parses and validates the text of a mutelist file (JSON or YAML, by name or content). */
export function parseMutelist(text: string, source: string, format?: MutelistFormat): Mutelist {
  const data = parseText(
    text.replace(/^\uFEFF/, ''),
    source,
    format ?? mutelistFormat(source, text),
  );
  return validateMutelist(data, source);
}
