import * as z from 'zod';
import { operationMatches, targetMatches } from './counters';

/**
 * One injected fault. Every present selector must match a call: `operation` (`eks:DescribeCluster`,
 * `eks:*`, `*`), `target` (AWS account or `account/region`, GCP project, Azure subscription) and
 * `cluster` (the cluster the call is about). `times` limits the fault to the first N matching
 * calls; `probability` draws per call from the seeded generator, so runs are reproducible.
 */
export const FaultRule = z
  .strictObject({
    kind: z.enum([
      'latency', // adds latencyMs, then the call proceeds (or meets another fault)
      'throttle', // the protocol's throttling error
      'server-error', // 5xx (status, default 500)
      'access-denied', // the protocol's authorization error
      'malformed', // 200 with the real body cut in half
      'disappear', // the cluster is listed but every call about it answers "not found"
      'reject-findings', // BatchImportFindings answers 200 but lists findings in FailedFindings
    ]),
    operation: z.string().min(1).optional(),
    target: z.string().min(1).optional(),
    cluster: z.string().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
    times: z.number().int().positive().optional(),
    latencyMs: z.number().int().nonnegative().optional(),
    status: z.number().int().min(500).max(599).optional(),
    /** ARM throttling `Retry-After` (seconds, default 1); AWS and GCP ignore it. */
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    /** The `ErrorCode` of a rejected finding (default `InternalException`). */
    errorCode: z.string().min(1).optional(),
  })
  .refine((r) => r.kind !== 'disappear' || r.cluster !== undefined, {
    message: 'a disappear fault names its cluster',
    path: ['cluster'],
  })
  .refine((r) => r.kind !== 'latency' || r.latencyMs !== undefined, {
    message: 'a latency fault needs latencyMs',
    path: ['latencyMs'],
  });
export type FaultRule = z.infer<typeof FaultRule>;

/** What a call is, as far as faults are concerned. */
export interface Call {
  operation: string;
  target: string;
  /** The cluster named by the call's path, when it names one. */
  cluster: string | undefined;
}

export interface FaultDecision {
  latencyMs: number;
  /** The terminal fault to answer with, if any. */
  fault: FaultRule | undefined;
}

/** FNV-1a, then one step of mulberry32: a uniform number in [0, 1) from a string. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

interface ActiveRule {
  id: string;
  rule: FaultRule;
  /** Matching calls seen so far (for `times`). */
  seen: number;
  /** Matching calls per (operation, target, cluster), the input of the probability draw. */
  perCall: Map<string, number>;
}

/**
 * The fault rules of a running sandbox. Rules come from the estate's `faults`, from
 * `startSandbox({ faults })` and from tests at run time (`add`, `remove`, `clear`).
 */
export class Faults {
  readonly #rules: ActiveRule[] = [];
  #next = 1;

  constructor(readonly seed = 1) {}

  /** Adds a rule (validated) and returns its id for `remove`. */
  add(rule: FaultRule): string {
    const parsed = FaultRule.parse(rule);
    const id = `fault-${this.#next++}`;
    this.#rules.push({ id, rule: parsed, seen: 0, perCall: new Map() });
    return id;
  }

  remove(id: string): boolean {
    const i = this.#rules.findIndex((r) => r.id === id);
    if (i < 0) return false;
    this.#rules.splice(i, 1);
    return true;
  }

  clear(): void {
    this.#rules.length = 0;
  }

  list(): { id: string; rule: FaultRule; seen: number }[] {
    return this.#rules.map((r) => ({ id: r.id, rule: r.rule, seen: r.seen }));
  }

  /**
   * The `reject-findings` rule that rejects one finding of a BatchImportFindings call, if any.
   * Each import of a finding is a fresh draw, so a retried finding may get through; `times`
   * counts rejected findings.
   */
  rejectsFinding(call: Omit<Call, 'cluster'>, findingId: string): FaultRule | undefined {
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.kind !== 'reject-findings') continue;
      if (rule.operation !== undefined && !operationMatches(rule.operation, call.operation))
        continue;
      if (rule.target !== undefined && !targetMatches(rule.target, call.target)) continue;
      if (rule.times !== undefined && active.seen >= rule.times) continue;
      const key = `${call.operation}|${call.target}|${findingId}`;
      const n = (active.perCall.get(key) ?? 0) + 1;
      active.perCall.set(key, n);
      if (rule.probability !== undefined) {
        const draw = unitHash(`${this.seed}|${active.id}|${key}|${n}`);
        if (draw >= rule.probability) continue;
      }
      active.seen += 1;
      return rule;
    }
    return undefined;
  }

  /** The added latency and the first terminal fault (in rule order) that fire for a call. */
  decide(call: Call): FaultDecision {
    let latencyMs = 0;
    let fault: FaultRule | undefined;
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.operation !== undefined && !operationMatches(rule.operation, call.operation))
        continue;
      if (rule.target !== undefined && !targetMatches(rule.target, call.target)) continue;
      if (rule.cluster !== undefined && rule.cluster !== call.cluster) continue;
      if (rule.kind === 'disappear' && call.cluster === undefined) continue;
      // Rejections are decided per finding (rejectsFinding), never for the call as a whole.
      if (rule.kind === 'reject-findings') continue;
      if (rule.kind !== 'latency' && fault !== undefined) continue;
      if (rule.times !== undefined && active.seen >= rule.times) continue;
      const key = `${call.operation}|${call.target}|${call.cluster ?? ''}`;
      const n = (active.perCall.get(key) ?? 0) + 1;
      active.perCall.set(key, n);
      if (rule.probability !== undefined) {
        const draw = unitHash(`${this.seed}|${active.id}|${key}|${n}`);
        if (draw >= rule.probability) continue;
      }
      active.seen += 1;
      if (rule.kind === 'latency') latencyMs += rule.latencyMs ?? 0;
      else fault = rule;
    }
    return { latencyMs, fault };
  }
}
