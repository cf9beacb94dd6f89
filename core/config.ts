import * as z from 'zod';
import { AksConfig } from './config-aks';
import { EksConfig } from './config-eks';
import { GkeConfig } from './config-gke';

/** Settings the checks read through `EvalContext.config`. Unknown keys are errors. */
export const AuditConfig = z.strictObject({
  eks: EksConfig.prefault({}),
  gke: GkeConfig.prefault({}),
  aks: AksConfig.prefault({}),
});
export type AuditConfig = z.infer<typeof AuditConfig>;

/** The configuration with every default filled in. */
export function defaultAuditConfig(): AuditConfig {
  return AuditConfig.parse({});
}

/** Renders zod issues as `key.path: message` lines, for errors that name the key at fault. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('\n');
}
