import * as z from 'zod';
import { Category, Remediation, Subject } from '../core/check';
import { Cloud, Provider } from '../core/provider';
import { Severity } from '../core/severity';
import type { ObjectStore } from '../pipeline/types';

/**
 * What Security Hub holds of each finding, as this project last sent it: the run state the
 * lifecycle diffs against instead of GetFindings (3 calls/s, eventually consistent, and blind to
 * the scope of a run). One object for the whole deployment, rewritten by each run with a
 * conditional write so two overlapping runs cannot interleave their updates.
 */
export const SECURITY_HUB_STATE_KEY = 'state/securityhub-state.json';
export const SECURITY_HUB_STATE_FORMAT = 'mk8s-audit-securityhub-state';

/**
 * The parts of a finding needed to archive it after its cluster or check is gone (an archived
 * finding is re-sent whole: BatchImportFindings replaces the provider's fields).
 */
export const StateRef = z.object({
  checkId: z.string(),
  provider: Provider,
  cloud: Cloud,
  resourceId: z.string(),
  resourceName: z.string(),
  account: z.string(),
  region: z.string(),
  subject: Subject.optional(),
  severity: Severity,
  title: z.string(),
  family: z.string(),
  categories: z.array(Category),
  remediation: Remediation,
  frameworks: z.record(z.string(), z.array(z.string())),
});
export type StateRef = z.infer<typeof StateRef>;

/** Where findings are imported: an account's Security Hub in one Region of an AWS partition. */
export const ImportDestination = z.object({
  account: z.string().regex(/^\d{12}$/),
  region: z.string(),
  partition: z.enum(['aws', 'aws-cn', 'aws-us-gov', 'aws-us-iso', 'aws-us-iso-b']),
});
export type ImportDestination = z.infer<typeof ImportDestination>;

export const StateEntry = z.object({
  /** SHA-256 of the ASFF content as sent, timestamps left out: a change means re-import. */
  hash: z.string(),
  /** Compliance.Status as sent. */
  status: z.enum(['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE']),
  recordState: z.enum(['ACTIVE', 'ARCHIVED']),
  /** FirstObservedAt / CreatedAt: kept for the life of the finding. */
  firstSeen: z.iso.datetime(),
  /** UpdatedAt of the last import: the next one must be later. */
  lastSent: z.iso.datetime(),
  /** The target label of the run that produced it (archiving is decided per target). */
  target: z.string(),
  /** Where it was imported (archiving sends it there again). */
  destination: ImportDestination,
  ref: StateRef,
});
export type StateEntry = z.infer<typeof StateEntry>;

export const SecurityHubState = z.object({
  format: z.literal(SECURITY_HUB_STATE_FORMAT),
  version: z.literal(1),
  /** The run that wrote it, and when. */
  runId: z.string(),
  updatedAt: z.iso.datetime(),
  findings: z.record(z.string(), StateEntry),
});
export type SecurityHubState = z.infer<typeof SecurityHubState>;

/** The state as read: its content and the version a conditional write must still find. */
export interface LoadedState {
  state: SecurityHubState;
  /** `null`: there was no state object (first run). */
  version: string | null;
}

export const emptyState = (): SecurityHubState => ({
  format: SECURITY_HUB_STATE_FORMAT,
  version: 1,
  runId: '',
  updatedAt: new Date(0).toISOString(),
  findings: {},
});

/** A state object that is not valid: the lifecycle must not guess (it would re-archive or resend). */
export class StateFormatError extends Error {
  override readonly name = 'StateFormatError';
}

/** The store must support conditional writes; the state is useless without them. */
function versioned(store: ObjectStore) {
  const { getVersioned, putIfVersion } = store;
  if (!getVersioned || !putIfVersion) {
    throw new Error(
      'the object store cannot write conditionally (getVersioned/putIfVersion), so it cannot hold the Security Hub state',
    );
  }
  return { getVersioned: getVersioned.bind(store), putIfVersion: putIfVersion.bind(store) };
}

export async function readState(
  store: ObjectStore,
  key = SECURITY_HUB_STATE_KEY,
): Promise<LoadedState> {
  const got = await versioned(store).getVersioned(key);
  if (got === undefined) return { state: emptyState(), version: null };
  let json: unknown;
  try {
    json = JSON.parse(got.body);
  } catch (error) {
    throw new StateFormatError(`${key} is not JSON: ${(error as Error).message}`);
  }
  const parsed = SecurityHubState.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFormatError(
      `${key} is not a valid Security Hub state: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  return { state: parsed.data, version: got.version };
}

/**
 * Writes the state only if nobody wrote it since `loaded` was read (If-Match its ETag, or
 * If-None-Match `*` for the first); a lost race throws WriteConflictError and leaves the other
 * run's state whole.
 */
export async function writeState(
  store: ObjectStore,
  state: SecurityHubState,
  expected: string | null,
  key = SECURITY_HUB_STATE_KEY,
): Promise<void> {
  await versioned(store).putIfVersion(key, JSON.stringify(state), 'application/json', expected);
}
