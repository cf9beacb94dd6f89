import * as z from 'zod';
import { formatIssues } from '../../core/config';
import { parseRunConfig, type RunConfig } from '../../pipeline/run-config';

/** The deployed mutelist as JSON (publish only), when the stack's configuration has one. */
export const MUTELIST_ENV = 'MUTELIST';

/** The environment Mk8sAuditStack gives every function. */
const FunctionEnvironment = z.object({
  FINDINGS_BUCKET: z.string().min(3, 'must name the findings bucket'),
  /** The run configuration as JSON (mk8s-audit.config.json `audit`). */
  RUN_CONFIG: z.string().min(2, 'must hold the run configuration as JSON'),
  /** Set by Lambda. */
  AWS_REGION: z.string().min(1, 'must name the region (Lambda sets it)'),
});

export interface FunctionSettings {
  bucket: string;
  region: string;
  config: RunConfig;
}

/** Reads and validates the function's environment; the error names each bad variable. */
export function readFunctionSettings(env: NodeJS.ProcessEnv = process.env): FunctionSettings {
  const parsed = FunctionEnvironment.safeParse(env);
  if (!parsed.success) {
    throw new Error(`mk8s-audit function environment is not valid:\n${formatIssues(parsed.error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(parsed.data.RUN_CONFIG);
  } catch (error) {
    throw new Error(`RUN_CONFIG is not JSON: ${(error as Error).message}`);
  }
  return {
    bucket: parsed.data.FINDINGS_BUCKET,
    region: parsed.data.AWS_REGION,
    config: parseRunConfig(raw, 'RUN_CONFIG'),
  };
}
