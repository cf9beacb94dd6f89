import * as z from 'zod';
import { Category, Remediation, Subject } from '../core/check';
import { Cloud, Provider } from '../core/provider';
import { Severity } from '../core/severity';
import type { ObjectStore } from '../pipeline/types';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What Security Hub holds of each finding, as this project last sent it: the run state the
 * lifecycle diffs against instead of GetFindings (3 calls/s, eventually consistent, and blind to
 * the scope of a run). One object per scope (an AWS account and Region, a GCP project, an Azure
 * subscription) under `state/securityhub/`, so publish holds one scope's state at a time however
 * large the deployment; each is rewritten with a conditional write, so two overlapping runs
 * cannot interleave their updates of a scope.
 */
export const SECURITY_HUB_STATE_PREFIX = 'state/securityhub/';
export const SECURITY_HUB_STATE_FORMAT = 'mk8s-audit-securityhub-state';

/**
 * The one state object of earlier releases (every scope in one): split into per-scope objects by
 * the first publish that finds it, then replaced by a marker naming where its entries went.
 */
export const LEGACY_STATE_KEY = 'state/securityhub-state.json';
export const LEGACY_STATE_MOVED_FORMAT = 'mk8s-audit-securityhub-state-moved';

/**
 * The key of a scope's state: `aws:111122223333/eu-west-1` becomes
 * `state/securityhub/aws/111122223333/eu-west-1.json`. Each part is URI-encoded, so no label can
 * reach outside the prefix or collide with another.
 */
export function stateKey(scope: string): string {
  const colon = scope.indexOf(':');
  const parts = colon < 0 ? [scope] : [scope.slice(0, colon), ...scope.slice(colon + 1).split('/')];
  // `.` and `..` are left alone by encodeURIComponent but mean something to a directory store.
  const encode = (part: string) =>
    /^\.*$/.test(part) ? part.replace(/\./g, '%2E') || '%00' : encodeURIComponent(part);
  return `${SECURITY_HUB_STATE_PREFIX}${parts.map(encode).join('/')}.json`;
}

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
  /** 1: the legacy whole-deployment object; 2: one scope's object. */
  version: z.union([z.literal(1), z.literal(2)]),
  /** The scope whose findings it holds (version 2). */
  scope: z.string().optional(),
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

/** One scope's state (version 2). */
export type ScopeState = SecurityHubState & { scope: string };

export const emptyState = (scope: string): ScopeState => ({
  format: SECURITY_HUB_STATE_FORMAT,
  version: 2,
  scope,
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

function parseJson(body: string, key: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new StateFormatError(`${key} is not JSON: ${(error as Error).message}`);
  }
}

function parseState(json: unknown, key: string): SecurityHubState {
  const parsed = SecurityHubState.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFormatError(
      `${key} is not a valid Security Hub state: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** A scope's state: empty (version `null`) before its first import. */
export async function readState(
  store: ObjectStore,
  scope: string,
): Promise<{ state: ScopeState; version: string | null }> {
  const key = stateKey(scope);
  const got = await versioned(store).getVersioned(key);
  if (got === undefined) return { state: emptyState(scope), version: null };
  const state = parseState(parseJson(got.body, key), key);
  if (state.version !== 2 || state.scope !== scope) {
    throw new StateFormatError(
      `${key} is not a valid Security Hub state: it holds ${state.scope === undefined ? 'no scope' : `scope ${JSON.stringify(state.scope)}`}, not ${JSON.stringify(scope)}`,
    );
  }
  return { state: { ...state, scope }, version: got.version };
}

/**
 * Writes a scope's state only if nobody wrote it since it was read (If-Match its ETag, or
 * If-None-Match `*` for the first); a lost race throws WriteConflictError and leaves the other
 * run's state whole.
 */
export async function writeState(
  store: ObjectStore,
  state: ScopeState,
  expected: string | null,
): Promise<void> {
  await versioned(store).putIfVersion(
    stateKey(state.scope),
    JSON.stringify(state),
    'application/json',
    expected,
  );
}

/** The legacy whole-deployment state, unless there is none or it was already split. */
export async function readLegacyState(store: ObjectStore): Promise<LoadedState | undefined> {
  const got = await versioned(store).getVersioned(LEGACY_STATE_KEY);
  if (got === undefined) return undefined;
  const json = parseJson(got.body, LEGACY_STATE_KEY);
  if (isRecord(json) && json['format'] === LEGACY_STATE_MOVED_FORMAT) return undefined;
  const state = parseState(json, LEGACY_STATE_KEY);
  if (state.version !== 1) {
    throw new StateFormatError(
      `${LEGACY_STATE_KEY} is not a valid Security Hub state: version ${state.version} in the legacy object`,
    );
  }
  return { state, version: got.version };
}

/**
 * Replaces the legacy state, once split, with a marker saying where its entries went (only if
 * it is still the version that was split; otherwise WriteConflictError).
 */
export async function markLegacyStateMoved(
  store: ObjectStore,
  expected: string,
  run: { runId: string; now: Date },
): Promise<void> {
  const marker = {
    format: LEGACY_STATE_MOVED_FORMAT,
    movedTo: SECURITY_HUB_STATE_PREFIX,
    runId: run.runId,
    movedAt: run.now.toISOString(),
  };
  await versioned(store).putIfVersion(
    LEGACY_STATE_KEY,
    `${JSON.stringify(marker)}\n`,
    'application/json',
    expected,
  );
}
